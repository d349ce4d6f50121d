# case: extra prerequisites from an explicit rule join the pattern's
all: a.o
a.o: a.h
%.o: %.c
	@echo '$@: [$<] [$^]'
--- a.c
--- a.h
