# case: the built-in rules build a program from a .c file
# run: hello
# run: hello
--- hello.c
int main(void) { return 0; }
