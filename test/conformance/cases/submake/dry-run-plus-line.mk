# case: under -n a + line runs, other lines are shown
# run: -n
all:
	+@echo plus runs
	@echo only shown
