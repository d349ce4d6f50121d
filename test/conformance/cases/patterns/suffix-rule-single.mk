# case: a single-suffix rule makes a file without suffix
.SUFFIXES: .x
all: prog
.x:
	@echo '$< -> $@'
--- prog.x
