# case: MAKEFLAGS seen by a sub-make
# run: -k X=1
all:
	@$(MAKE) --no-print-directory -C sub
--- sub/Makefile
all:
	@echo '[$(MAKEFLAGS)]'
