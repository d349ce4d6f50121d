# case: a static pattern rule whose target pattern lacks %
a.o: a: b
