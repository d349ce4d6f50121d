# case: a static pattern's leading ./ is dropped like its targets' (kati static_pattern.mk)
objs := ./a.o ./b.o
all: $(objs)
$(objs): ./%.o: ./%.c
	@echo '$@ from $<'
--- a.c
--- b.c
