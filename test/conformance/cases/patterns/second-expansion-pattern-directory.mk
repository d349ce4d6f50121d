# case: second expansion puts the directory before words that had a %
.SECONDEXPANSION:
all: d/x.o
%.o: %.c $$(addprefix foo/,%.h) $$*.k
	@echo '[$<] [$^] [$*]'
d/foo/x.h d/x.k:
	@echo making $@
--- d/x.c
