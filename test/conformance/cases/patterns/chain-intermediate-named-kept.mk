# case: a prerequisite the makefile names is not an intermediate file
all: x.c
other: x.b
%.b: %.a
	@echo '$< -> $@'
	@cp $< $@
%.c: %.b
	@echo '$< -> $@'
	@cp $< $@
--- x.a
