# case: .PRECIOUS on the intermediate's pattern keeps the file
.PRECIOUS: %.b
all: x.c
%.b: %.a
	@cp $< $@
%.c: %.b
	@cp $< $@
--- x.a
