# case: recipes of a sub-make see MAKELEVEL 2
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo "$(MAKELEVEL) $$MAKELEVEL"
