# case: .DEFAULT_GOAL with two targets is an error
.DEFAULT_GOAL = a b
a b:
	@echo $@
