# case: MAKELEVEL is 0 at the top and 1 in recipe environments
all:
	@echo "[$(MAKELEVEL)] [$$MAKELEVEL] $(origin MAKELEVEL)"
