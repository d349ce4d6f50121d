# case: .DEFAULT_GOAL set in an included file
include goal.mk
first:
	@echo first
second:
	@echo second
--- goal.mk
.DEFAULT_GOAL = second
