# case: CURDIR in a sub-make
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '$(notdir $(CURDIR))'
