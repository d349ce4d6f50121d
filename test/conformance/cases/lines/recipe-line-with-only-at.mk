# case: a recipe line that is just @ does nothing
all:
	@
	@echo after
