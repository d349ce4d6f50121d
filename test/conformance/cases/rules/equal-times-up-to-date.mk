# case: a prerequisite with the same time as the target does not trigger
# sh: touch -d '2001-01-01 00:00' out in
out: in
	@echo remaking out
--- out
--- in
