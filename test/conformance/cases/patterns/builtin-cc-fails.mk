# case: a failing built-in recipe names <builtin> in the error
CC = false
all: hello.o
--- hello.c
