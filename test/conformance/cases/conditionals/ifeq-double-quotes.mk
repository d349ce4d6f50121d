# case: ifeq with double-quoted arguments
A = x
ifeq "$(A)" "x"
$(info double equal)
endif
all: ; @:
