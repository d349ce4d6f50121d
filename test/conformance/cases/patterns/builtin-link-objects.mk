# case: built-in link of a program from its objects
# run: -n prog
prog: prog.o util.o
--- prog.c
--- util.c
