# case: only out-of-date double-colon rules run
# sh: touch -d '2002-01-01 00:00' out
# sh: touch -d '2001-01-01 00:00' old
# sh: touch -d '2003-01-01 00:00' new
out:: old
	@echo 'rule for old'
out:: new
	@echo 'rule for new'
--- out
--- old
--- new
