# case: ifeq directly followed by a paren is not a directive
ifeq(a,a)
endif
all: ; @:
