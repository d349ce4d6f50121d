# case: .DEFAULT gives a recipe to targets without rules
all: a b
	@echo all
.DEFAULT:
	@echo 'default for $@ [$<]'
