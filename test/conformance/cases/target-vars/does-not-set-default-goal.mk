# case: a target-specific assignment does not choose the default goal
first: X = 1
second:
	@echo 'second [$(X)]'
first:
	@echo 'first [$(X)]'
