# case: an intermediate file whose recipe failed is still deleted
all: x.c
%.b: %.a
	@cp $< $@; exit 1
%.c: %.b
	@cp $< $@
--- x.a
