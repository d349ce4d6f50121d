# case: a makefile assignment replaces an environment value
# env: FROMENV=outside
FROMENV = inside
all:
	@echo '$(FROMENV) $(origin FROMENV)'
	@echo "$$FROMENV"
