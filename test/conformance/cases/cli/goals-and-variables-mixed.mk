# case: variable assignments and goals may be mixed
# run: a X=1 b
a b:
	@echo '$@ $(X)'
