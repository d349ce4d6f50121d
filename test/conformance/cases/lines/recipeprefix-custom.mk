# case: .RECIPEPREFIX replaces the tab as recipe introducer
.RECIPEPREFIX = >
all:
>@echo custom prefix
>@echo second line
