# case: several targets needing the same impossible prerequisite
all: a.o b.o
%.o: %.c common.x
	@echo 'compile $@'
%.o: %.s
	@echo 'assemble $@'
--- a.s
--- b.s
--- a.c
--- b.c
