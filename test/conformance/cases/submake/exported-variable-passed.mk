# case: exported variables reach sub-makes as environment variables
export X = top
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(X)] $(origin X)'
