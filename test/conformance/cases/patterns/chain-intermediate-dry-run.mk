# case: under -n the intermediate file is named by rm but nothing is run
# run: -n
all: x.c
%.b: %.a
	cp $< $@
%.c: %.b
	cp $< $@
--- x.a
