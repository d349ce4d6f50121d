# case: with no makefile, built-in rules still work
# run: -C d hello.o -n
--- d/hello.c
int x;
