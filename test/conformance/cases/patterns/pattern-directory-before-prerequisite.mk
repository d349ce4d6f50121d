# case: the target's directory goes in front of a slashed prerequisite
all: obj/x.o
%.o: src/%.c
	@echo '$< -> $@ [$*]'
--- obj/src/x.c
