# case: wildcard lists matching files, sorted
$(info [$(wildcard *.c)])
$(info [$(wildcard sub/*.h)] [$(wildcard nothing*)] [$(wildcard b.c a.c zz.c)])
all: ; @:
--- b.c
--- a.c
--- c.h
--- sub/x.h
--- sub/y.h
