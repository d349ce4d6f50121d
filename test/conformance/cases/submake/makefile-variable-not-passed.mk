# case: plain makefile variables do not reach sub-makes
X = top
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(X)] $(origin X)'
