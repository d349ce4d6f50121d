# case: without & each target runs the recipe
all: a b
a b:
	@echo 'recipe for $@'
