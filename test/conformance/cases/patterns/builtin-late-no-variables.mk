# case: -R added to MAKEFLAGS removes the built-in variables
MAKEFLAGS += -R
all:
	@echo '[$(CC)] [$(origin CC)] [$(SUFFIXES)]'
