# case: .SECONDARY without prerequisites makes all targets secondary
.SECONDARY:
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
