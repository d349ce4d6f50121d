# case: a missing rule inside a sub-make
all:
	@$(MAKE) -C sub missing
--- sub/Makefile
all:
	@echo all
