# case: a phony target with a matching pattern rule
.PHONY: a.out
all: a.out
%.out: %.in
	@echo '$@ from $<'
--- a.in
