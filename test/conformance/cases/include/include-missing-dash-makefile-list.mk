# case: a missing -include file is not in MAKEFILE_LIST
-include missing.mk
all:
	@echo '$(MAKEFILE_LIST)'
