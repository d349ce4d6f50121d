# case: a target-specific exported variable reaches a sub-make
all: export X = target
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(X)]'
