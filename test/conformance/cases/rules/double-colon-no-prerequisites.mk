# case: a double-colon rule without prerequisites always runs
# run:
out::
	@echo running
	@touch out
