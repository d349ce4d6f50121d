# case: -r added to MAKEFLAGS keeps suffixes a makefile listed
MAKEFLAGS += -r
.SUFFIXES: .in .out
all: a.out
.in.out:
	@echo '$< -> $@'
--- a.in
