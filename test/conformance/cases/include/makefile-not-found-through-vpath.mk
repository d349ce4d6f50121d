# case: a makefile to remake is not looked for through VPATH
VPATH = dir
-include foo.mk
all: ; @echo X=$(X)
foo.mk: ; @echo making $@; echo "X=2" > $@
--- dir/foo.mk
X=1
