# case: the recipe failure message names makefile, line and target
X = 1

all:
	@echo running
	@false
