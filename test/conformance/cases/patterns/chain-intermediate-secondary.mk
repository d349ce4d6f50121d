# case: .SECONDARY keeps a named intermediate file
.SECONDARY: x.b
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
