# case: re-adding suffixes after clearing brings the built-in rules back
# run: -n hello.o
.SUFFIXES:
.SUFFIXES: .c .o
--- hello.c
