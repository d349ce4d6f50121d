# case: % is replaced in each prerequisite
all: a.o
%.o: %.c %-extra.h include/%.h
	@echo '$^'
--- a.c
--- a-extra.h
--- include/a.h
