# case: blank lines inside a recipe do not end it
all:
	@echo one

	@echo two


	@echo three
