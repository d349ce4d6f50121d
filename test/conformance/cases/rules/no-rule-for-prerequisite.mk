# case: a missing prerequisite without a rule is an error
all: missing
	@echo not reached
