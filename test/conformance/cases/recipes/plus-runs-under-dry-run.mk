# case: + lines run even with -n
# run: -n
all:
	+@echo plus line runs
	@echo normal line is only shown
