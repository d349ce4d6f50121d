# case: -B remakes up-to-date targets
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' in
# run: -B
out: in
	@echo remaking out
--- out
--- in
