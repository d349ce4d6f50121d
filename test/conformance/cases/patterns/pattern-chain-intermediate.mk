# case: a chain of pattern rules; the intermediate file is deleted
all: x.c
%.b: %.a
	@echo '$< -> $@'
	@cp $< $@
%.c: %.b
	@echo '$< -> $@'
	@cp $< $@
--- x.a
data
