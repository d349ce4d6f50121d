# case: a tab-indented assignment before any rule is make syntax
	X = indented
all:
	@echo '[$(X)]'
