# case: a recipe started after ; continues on following lines
all: ; @echo one
	@echo two
