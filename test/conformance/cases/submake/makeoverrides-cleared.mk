# case: with MAKEOVERRIDES cleared a command-line variable arrives only by environment
# run: X=top
MAKEOVERRIDES =
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(X)] $(origin X) [$(MAKEFLAGS)]'
