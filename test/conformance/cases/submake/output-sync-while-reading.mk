# case: under -Oline a parallel sub-make says what it says while it reads its makefile in one piece, with its directory lines
# run: -j -Oline
all: t1 t2
t1: ; @$(MAKE) -f d1.mk
t2: ; @$(MAKE) -f d2.mk
--- d1.mk
$(shell echo d1 stderr 1>&2)
$(info d1 stdout)
all:; @:
--- d2.mk
$(shell echo d2 stderr 1>&2)
$(info d2 stdout)
all:; @:
# Force an ordering on the output
$(shell sleep 1)
