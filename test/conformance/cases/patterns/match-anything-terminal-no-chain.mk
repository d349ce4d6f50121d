# case: prerequisites of a terminal rule are not made by other rules
all: foo
%:: %.src
	@echo '$@ from $<'
%.src:
	@echo 'would make $@'
