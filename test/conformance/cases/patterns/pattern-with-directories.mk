# case: patterns with directory parts
all: obj/a.o
obj/%.o: src/%.c
	@echo '$@ from $< stem [$*] [$(*D)] [$(*F)]'
--- src/a.c
