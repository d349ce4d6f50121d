# case: a column-0 comment inside a recipe does not end the recipe
all:
	@echo one
# just a comment
	@echo two
