# case: a shell loop over sub-directories
all:
	@for d in a b; do $(MAKE) -C $$d || exit 1; done
--- a/Makefile
all:
	@echo in a
--- b/Makefile
all:
	@echo in b
