# case: the built-in rule compiles a .c file with cc
# run: hello.o
--- hello.c
int answer(void) { return 42; }
