# case: several intermediate files are deleted by one rm line
all: x.c y.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
--- y.a
