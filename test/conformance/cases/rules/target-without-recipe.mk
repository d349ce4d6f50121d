# case: a target with prerequisites but no recipe
all: a
a:
	@echo a
