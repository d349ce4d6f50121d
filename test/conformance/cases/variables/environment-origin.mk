# case: environment variables have origin environment and are exported
# env: FROMENV=outside
all:
	@echo '$(FROMENV) $(origin FROMENV)'
	@echo "$$FROMENV"
