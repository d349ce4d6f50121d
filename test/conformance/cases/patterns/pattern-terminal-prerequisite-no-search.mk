# case: a prerequisite found by a terminal rule gets no implicit search
all: foo
%:: %.src
	@echo '$@ from $<'
%.src: %.gen
	@echo 'would regenerate $@'
--- foo.src
--- foo.src.gen
