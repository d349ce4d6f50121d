# case: -R removes built-in variables and rules
# run: -R
all:
	@echo '[$(CC)] [$(CFLAGS)] [$(MAKE)]'
