# case: a newer order-only prerequisite does not trigger a rebuild
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' in
# sh: touch -d '2003-01-01 00:00' dir
out: in | dir
	@echo remade out
--- out
--- in
--- dir/keep
