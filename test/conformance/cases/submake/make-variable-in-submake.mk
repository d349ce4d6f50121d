# case: MAKE in a sub-make is the same program
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '$(MAKE)'
