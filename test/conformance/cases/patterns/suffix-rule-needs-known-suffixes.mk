# case: a suffix rule for unknown suffixes is an ordinary target
all: a.out
.in.out:
	@echo '$< -> $@'
--- a.in
