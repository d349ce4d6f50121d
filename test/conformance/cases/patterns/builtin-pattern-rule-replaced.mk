# case: a makefile's %.o: %.c rule replaces the built-in one
all: hello.o
%.o: %.c
	@echo 'mine: $< -> $@'
--- hello.c
