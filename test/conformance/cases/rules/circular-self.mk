# case: a target depending on itself
a: a
	@echo a
