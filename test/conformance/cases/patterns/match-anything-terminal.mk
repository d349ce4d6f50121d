# case: a terminal match-anything rule applies only to existing prerequisites
all: foo
%:: %.src
	@echo '$@ from $<'
--- foo.src
