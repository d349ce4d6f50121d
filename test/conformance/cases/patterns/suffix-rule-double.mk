# case: a double-suffix rule
.SUFFIXES: .in .out
all: a.out
.in.out:
	@echo '$< -> $@ [$*]'
--- a.in
