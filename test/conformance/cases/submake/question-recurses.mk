# case: -q with a recursive make
# run: -q
all:
	@$(MAKE) -C sub
--- sub/Makefile
all:
	@echo not run
