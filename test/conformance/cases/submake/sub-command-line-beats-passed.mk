# case: variables on the sub-make command line beat inherited ones
# run: X=top
all:
	@$(MAKE) -s -C sub X=sub
--- sub/Makefile
all:
	@echo '[$(X)]'
