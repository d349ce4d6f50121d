# case: cancelling %.o: %.c leaves no way to make the object
# run: hello.o
%.o: %.c
--- hello.c
int x;
