# case: the pattern's prerequisites come first in $^ and $+
all: a.o
a.o: a.h a.c
%.o: %.c
	@echo '[$<] [$^] [$+]'
--- a.c
--- a.h
