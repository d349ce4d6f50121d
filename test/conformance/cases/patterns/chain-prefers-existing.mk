# case: a rule with existing prerequisites wins over a chain, even later
all: x.c
%.c: %.b
	@echo 'from b: $<'
%.b: %.a
	@echo 'making $@'
%.c: %.z
	@echo 'from z: $<'
--- x.a
--- x.z
