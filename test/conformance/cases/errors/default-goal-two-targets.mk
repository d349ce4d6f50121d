# case: .DEFAULT_GOAL naming two targets
.DEFAULT_GOAL := a b
a b:
	@echo $@
