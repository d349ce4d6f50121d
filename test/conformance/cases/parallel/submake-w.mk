# case: a parallel build of sub-makes prints their directory lines in order
# parallel: -j3
all: one two
one two:
	$(MAKE) -C $@
--- one/Makefile
all: ; @sleep 0.2; echo in one
--- two/Makefile
all: ; @echo in two
