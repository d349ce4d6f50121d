# case: a line holding only a tab inside a recipe is ignored
all:
	@echo one
	
	@echo two
