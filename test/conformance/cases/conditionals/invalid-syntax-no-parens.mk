# case: ifeq without parens or quotes is invalid
ifeq a b
endif
all: ; @:
