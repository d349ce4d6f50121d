# case: without .DELETE_ON_ERROR a failed target is left behind
out:
	@echo partial > $@
	@false
