# case: --no-print-directory is passed to sub-makes
# run: --no-print-directory
all:
	@$(MAKE) -C sub
--- sub/Makefile
all:
	@echo in sub
