# case: .LOW_RESOLUTION_TIME ignores sub-second differences for its targets
# sh: touch -d '2001-01-01 00:00:00.5' in
# sh: touch -d '2001-01-01 00:00:00' out
.LOW_RESOLUTION_TIME: out
out: in
	@echo remaking
--- in
--- out
