# case: a chain of three pattern rules deletes both intermediate files
all: x.d
%.b: %.a
	@echo '$< -> $@'
	@cp $< $@
%.c: %.b
	@echo '$< -> $@'
	@cp $< $@
%.d: %.c
	@echo '$< -> $@ [$*]'
	@cp $< $@
--- x.a
data
