# case: an existing intermediate file is kept
# sh: touch -d '2001-01-01 00:00' x.a
# sh: touch -d '2002-01-01 00:00' x.b
all: x.c
%.b: %.a
	@echo '$< -> $@'
	@cp $< $@
%.c: %.b
	@echo '$< -> $@'
	@cp $< $@
--- x.a
--- x.b
