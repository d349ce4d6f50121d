# case: a file found in a GPATH directory is searched for implicit rules under that name
# sh: touch -d '2001-01-01 00:00' src/foo.d src/bar.d
# sh: touch -d '2001-06-01 00:00' src/foo.c src/bar.c
# sh: touch -d '2002-01-01 00:00' foo.b bar.d
VPATH = src
GPATH = src
.SUFFIXES:
%.c: %.d ; cat $^ > $@
general: foo.b
foo.b: foo.c bar.c ; cat $^ > $@
--- src/foo.d
--- src/bar.d
--- src/foo.c
--- src/bar.c
--- foo.b
--- bar.d
