# case: .SECONDARY keeps an intermediate file
.SECONDARY: x.b
all: x.c
%.b: %.a
	@echo '$< -> $@'
	@cp $< $@
%.c: %.b
	@echo '$< -> $@'
	@cp $< $@
--- x.a
