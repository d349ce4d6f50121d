# case: static pattern prerequisites without % are shared
all: a.o b.o
a.o b.o: %.o: common.h %.c
	@echo '$@: $^'
--- common.h
--- a.c
--- b.c
