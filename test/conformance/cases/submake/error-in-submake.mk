# case: a failing sub-make makes the parent fail with Error 2
all:
	@$(MAKE) -C sub
	@echo not reached
--- sub/Makefile
all:
	@echo failing
	@false
