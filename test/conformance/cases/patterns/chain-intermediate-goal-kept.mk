# case: an intermediate file that is also a goal is not deleted
# run: x.b all
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
