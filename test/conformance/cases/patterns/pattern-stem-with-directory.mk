# case: a pattern without a slash matches in any directory
all: sub/a.out
%.out: %.in
	@echo '$@ from $< stem [$*]'
--- sub/a.in
