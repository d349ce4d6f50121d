# case: several patterns on one pattern-specific line
%.a %.b: X = ab
all: x.a y.b z.c
x.a y.b z.c:
	@echo '$@ [$(X)]'
