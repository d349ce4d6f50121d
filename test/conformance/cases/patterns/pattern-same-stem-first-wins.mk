# case: with equal stems the first rule that applies wins
all: a.o
%.o: %.c
	@echo 'from c: $<'
%.o: %.s
	@echo 'from s: $<'
--- a.c
--- a.s
