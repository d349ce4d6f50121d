# case: -w at the top prints entering lines for every level
# run: -w
all:
	@$(MAKE) -C sub
--- sub/Makefile
all:
	@echo in sub
