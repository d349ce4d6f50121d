# case: clearing MAKEOVERRIDES stops passing command-line variables
# run: X=top
MAKEOVERRIDES =
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(X)]'
