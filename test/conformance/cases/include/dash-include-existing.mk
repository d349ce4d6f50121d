# case: -include reads an existing file
-include here.mk missing.mk
all:
	@echo '$(HERE)'
--- here.mk
HERE = here
