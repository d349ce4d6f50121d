# case: under -s the intermediate file is deleted without the rm line
# run: -s
all: x.c
%.b: %.a
	cp $< $@
%.c: %.b
	cp $< $@
--- x.a
