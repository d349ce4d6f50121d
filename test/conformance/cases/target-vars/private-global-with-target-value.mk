# case: a private global is hidden in recipes, a target value is seen
private X = global
all: X = target
all: dep
	@echo 'all [$(X)]'
dep:
	@echo 'dep [$(X)]'
