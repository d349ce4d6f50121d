# case: the recipe environment gets the makefile SHELL
# env: SHELL=/bin/false
SHELL = /bin/sh
all:
	@echo "$$SHELL"
