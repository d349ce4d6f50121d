# case: a missing goal without a rule
# run: nothing
all:
	@echo all
