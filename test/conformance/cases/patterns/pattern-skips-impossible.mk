# case: a rule whose prerequisite cannot be made is skipped
all: a.o
%.o: %.c
	@echo 'from c: $<'
%.o: %.s
	@echo 'from s: $<'
--- a.s
