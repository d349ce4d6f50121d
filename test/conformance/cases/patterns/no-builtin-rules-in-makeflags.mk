# case: MAKEFLAGS += -r in the makefile removes built-in rules
MAKEFLAGS += -r
all: hello.o
--- hello.c
