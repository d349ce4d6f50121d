# case: only the first character of .RECIPEPREFIX is used
.RECIPEPREFIX = +-
all:
+@echo plus
