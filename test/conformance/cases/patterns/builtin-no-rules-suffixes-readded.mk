# case: with -r, re-adding suffixes finds no built-in suffix rules
# run: -r hello.o
.SUFFIXES: .c .o
--- hello.c
