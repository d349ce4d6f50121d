# case: vpath finds files matching a pattern in a directory
vpath %.c src
vpath %.h include
all: a.c b.h
	@echo '$^'
--- src/a.c
--- include/b.h
