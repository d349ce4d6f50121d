# case: a file with an implicit rule that vpath found up to date keeps its vpath name in $^
# sh: touch -d '2001-01-01 00:00' src/foo.d src/bar.d
# sh: touch -d '2001-06-01 00:00' src/foo.c src/bar.c
# sh: touch -d '2002-01-01 00:00' foo.b bar.d
VPATH = src
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
