# case: .SUFFIXES adds suffixes for suffix rules
.SUFFIXES: .src .dst
all: a.dst
.src.dst:
	@echo '$< -> $@'
--- a.src
