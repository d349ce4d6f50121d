# case: -r added to MAKEFLAGS still converts built-in .c.o if listed
# run: -n
MAKEFLAGS += -r
.SUFFIXES: .c .o
all: hello.o
--- hello.c
