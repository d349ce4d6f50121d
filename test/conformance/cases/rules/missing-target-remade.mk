# case: a missing target is made even if its prerequisites are old
# sh: touch -d '2001-01-01 00:00' in
out: in
	@echo making out
	@touch out
--- in
