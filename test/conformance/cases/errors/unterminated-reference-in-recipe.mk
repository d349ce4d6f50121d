# case: an unclosed reference found when the recipe is expanded
all:
	@echo start $(X
