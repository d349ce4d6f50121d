# case: a failing command stops the recipe with Error 1
all:
	@echo before
	@false
	@echo not reached
