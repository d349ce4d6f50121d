# case: a prerequisite the makefile mentions ought to exist
all: x.o
other: x.c
%.o: %.c
	@echo '$< -> $@'
