# case: .RECIPEPREFIX is empty by default and its flavor is simple
$(info [$(.RECIPEPREFIX)] $(origin .RECIPEPREFIX) $(flavor .RECIPEPREFIX))
all: ; @:
