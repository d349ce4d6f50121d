# case: a recipe after ; continues on tab lines that follow
all: ; @echo first
	@echo second
