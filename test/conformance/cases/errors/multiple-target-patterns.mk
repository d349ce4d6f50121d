# case: two target patterns in a static pattern rule
a.o: %.o %.c: x
