# case: a file in the current directory wins over vpath
vpath %.c src
all: a.c
	@echo '$^'
--- a.c
--- src/a.c
