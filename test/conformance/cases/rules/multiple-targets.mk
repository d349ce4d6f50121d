# case: a rule with several targets is a rule for each of them
all: a b
a b: dep
	@echo '$@ from $<'
dep:
	@echo dep
