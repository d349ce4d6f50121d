# case: --ignore-errors and --keep-going long forms
# run: --ignore-errors --keep-going
all:
	@false
	@echo after
