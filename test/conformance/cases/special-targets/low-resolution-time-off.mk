# case: without .LOW_RESOLUTION_TIME sub-second differences count
# sh: touch -d '2001-01-01 00:00:00.5' in
# sh: touch -d '2001-01-01 00:00:00' out
out: in
	@echo remaking
--- in
--- out
