# case: the default makefile name shows in MAKEFILE_LIST
all:
	@echo '$(MAKEFILE_LIST)'
--- makefile
all:
	@echo 'lower: $(MAKEFILE_LIST)'
