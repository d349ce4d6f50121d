# case: a sub-make's own assignment beats an exported value
export X = top
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
X = sub
all:
	@echo '[$(X)] $(origin X)'
