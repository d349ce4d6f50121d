# case: $(MAKE) -C dir prints entering and leaving lines
all:
	@$(MAKE) -C sub
	@echo back at top
--- sub/Makefile
all:
	@echo in sub
