# case: a precious target is not deleted on error
.DELETE_ON_ERROR:
.PRECIOUS: out
out:
	@echo partial > $@
	@false
