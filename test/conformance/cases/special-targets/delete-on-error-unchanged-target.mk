# case: .DELETE_ON_ERROR leaves a target the recipe did not touch
# sh: touch -d '2001-01-01 00:00' out
.DELETE_ON_ERROR:
out: FORCE
	@false
FORCE:
--- out
keep me
