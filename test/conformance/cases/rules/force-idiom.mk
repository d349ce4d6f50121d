# case: an empty rule without recipe forces its dependents
# sh: touch -d '2002-01-01 00:00' out
out: FORCE
	@echo forced
FORCE:
--- out
