# case: an out-of-date file found in a GPATH directory is remade there by its implicit rule
# sh: touch -d '2001-06-01 00:00' src/foo.c src/bar.c
# sh: touch -d '2002-01-01 00:00' foo.b src/foo.d src/bar.d
# run:
# run:
VPATH = src
GPATH = src
.SUFFIXES:
%.c: %.d ; @echo 'cat $^ > $@' && touch $@
general: foo.b
foo.b: foo.c bar.c ; @echo 'cat $^ > $@' && touch $@
--- src/foo.d
--- src/bar.d
--- src/foo.c
--- src/bar.c
--- foo.b
