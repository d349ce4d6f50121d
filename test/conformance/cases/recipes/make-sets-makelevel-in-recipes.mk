# case: recipes see MAKELEVEL and MAKEFLAGS in the environment
# run: -s
all:
	@echo "[$$MAKELEVEL] [$$MAKEFLAGS]"
