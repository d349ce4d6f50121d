# case: -i is passed to sub-makes
# run: -i
all:
	@$(MAKE) -C sub
	@echo top continues
--- sub/Makefile
all:
	@false
	@echo sub continues
