# case: a target not matching the static pattern is warned about
all: a.o b.x
a.o b.x: %.o: %.c
	@echo '$@'
--- a.c
