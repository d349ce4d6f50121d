# case: --no-builtin-variables is -R
# run: --no-builtin-variables
all:
	@echo '[$(CC)] [$(MAKEFLAGS)]'
