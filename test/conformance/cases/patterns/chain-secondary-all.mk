# case: .SECONDARY without prerequisites keeps every intermediate file
.SECONDARY:
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
