# case: a pattern rule without recipe cancels a built-in rule
# run: a.o
%.o: %.c
--- a.c
int a;
