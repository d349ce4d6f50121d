# case: an up-to-date file goal
# run: file
# run: file file
file:
	@echo making file
	@touch file
