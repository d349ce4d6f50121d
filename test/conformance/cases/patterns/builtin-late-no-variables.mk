# case: -R added to MAKEFLAGS removes the built-in variables
# xfail: installImplicitRules (builtins.ts) must run at the end of finishDatabase; it only runs at the first implicit rule search
MAKEFLAGS += -R
all:
	@echo '[$(CC)] [$(origin CC)] [$(SUFFIXES)]'
