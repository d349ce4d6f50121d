# case: make -q exits with status 1 when something must be remade
# sh: $MAKE -q; echo "exit status $?"
all:
	@echo needed
