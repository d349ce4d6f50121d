# case: a deleted intermediate file is not remade when the target is newer
# sh: touch -d '2001-01-01 00:00' x.a
# sh: touch -d '2002-01-01 00:00' x.c
all: x.c
%.b: %.a
	@echo '$< -> $@'
	@cp $< $@
%.c: %.b
	@echo '$< -> $@'
	@cp $< $@
--- x.a
--- x.c
