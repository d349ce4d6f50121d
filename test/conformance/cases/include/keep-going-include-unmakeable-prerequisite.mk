# case: with -k an included makefile whose prerequisite cannot be made is told of, and the goals are still built
# run: -k
all: ; @echo hi
include ifile
ifile: no-such-file; @false
