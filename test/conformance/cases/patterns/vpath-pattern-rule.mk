# case: a pattern rule's source found through vpath
vpath %.in src
all: a.out
%.out: %.in
	@echo '$@ from $<'
--- src/a.in
