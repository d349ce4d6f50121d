# case: vpath without directories clears a pattern
vpath %.c src
vpath %.c
all: a.c
	@echo '$^'
--- src/a.c
