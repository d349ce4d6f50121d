# case: setting SHELL changes the shell used for recipes
SHELL = /bin/bash
all:
	@echo "$$0"
	@echo $${BASH_VERSION:+bash}
