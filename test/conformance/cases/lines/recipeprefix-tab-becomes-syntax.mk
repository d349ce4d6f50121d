# case: with a custom prefix, a tab-indented line is make syntax
.RECIPEPREFIX = >
all:
>@echo recipe
	X = 1
$(info X=$(X))
