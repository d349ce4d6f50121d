# case: setting .RECIPEPREFIX empty goes back to tab
# run: two
.RECIPEPREFIX = >
one:
>@echo one
.RECIPEPREFIX =
two: one
	@echo two
