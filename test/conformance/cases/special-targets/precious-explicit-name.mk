# case: .PRECIOUS with a file name keeps that intermediate
.PRECIOUS: x.b
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
