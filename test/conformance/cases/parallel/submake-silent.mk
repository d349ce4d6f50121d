# case: a sub-make whose jobs print nothing still says where it works
# parallel: -j2
.PHONY: all d1
all: s.txt d1
d1: ; @$(MAKE) -C $@
s.txt: ; @echo x > $@
--- d1/Makefile
all: s.txt
s.txt: ; @echo x > $@
