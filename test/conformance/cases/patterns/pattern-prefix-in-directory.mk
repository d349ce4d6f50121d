# case: for a pattern without slash the directory is kept out of the match
all: sub/pa.x
p%.x: q%.y
	@echo '$@ from $< stem [$*]'
--- sub/qa.y
