# case: -q exits 0 for an up-to-date target and prints nothing
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' in
# run: -q
out: in
	@echo remaking
--- out
--- in
