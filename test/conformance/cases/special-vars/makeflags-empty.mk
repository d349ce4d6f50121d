# case: MAKEFLAGS is empty without options
$(info [$(MAKEFLAGS)])
all:
	@echo "[$(MAKEFLAGS)] [$$MAKEFLAGS]"
