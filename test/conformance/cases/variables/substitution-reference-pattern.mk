# case: substitution references with %
SRCS = src/a.c src/b.c other.c
all:
	@echo '$(SRCS:src/%.c=obj/%.o)'
	@echo '$(SRCS:%=[%])'
