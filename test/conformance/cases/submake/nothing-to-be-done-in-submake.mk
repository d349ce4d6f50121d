# case: sub-make messages carry the level
all:
	@$(MAKE) -C sub
--- sub/Makefile
all:
