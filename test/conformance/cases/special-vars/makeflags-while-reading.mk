# case: MAKEFLAGS as seen while the makefile is read
# run: -k X=1
$(info [$(MAKEFLAGS)])
all: ; @:
