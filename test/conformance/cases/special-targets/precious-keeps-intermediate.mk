# case: .PRECIOUS keeps an intermediate file
.PRECIOUS: %.b
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
