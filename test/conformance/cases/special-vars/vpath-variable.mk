# case: VPATH finds prerequisites in other directories
VPATH = src
all: a.c
	@echo '$< $^'
--- src/a.c
