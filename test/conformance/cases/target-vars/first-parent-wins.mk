# case: a shared prerequisite is built once, in the first parent's context
all: a b
a: X = from-a
b: X = from-b
a b: shared
	@echo '$@ $(X)'
shared:
	@echo 'shared $(X)'
