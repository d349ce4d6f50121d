# case: a makefile's .c.o rule replaces the built-in one
all: hello.o
.c.o:
	@echo 'mine: $< -> $@'
--- hello.c
