# case: clearing .SUFFIXES removes the built-in suffix rules
# run: hello.o
.SUFFIXES:
--- hello.c
