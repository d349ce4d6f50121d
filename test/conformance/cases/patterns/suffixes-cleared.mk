# case: an empty .SUFFIXES disables suffix rules
.SUFFIXES:
.SUFFIXES: .in .out
.SUFFIXES:
all: a.out
.in.out:
	@echo '$< -> $@'
--- a.in
