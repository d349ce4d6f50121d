# case: setting .DEFAULT_GOAL chooses the default goal
.DEFAULT_GOAL = second
first:
	@echo first
second:
	@echo second
