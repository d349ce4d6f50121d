# case: SHELL defaults to /bin/sh and is not taken from the environment
# env: SHELL=/bin/false
all:
	@echo '$(SHELL) $(origin SHELL)'
	@echo "$$0"
