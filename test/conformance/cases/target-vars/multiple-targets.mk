# case: one line gives a value to several targets
a b: X = shared
all: a b c
a b c:
	@echo '$@ [$(X)]'
