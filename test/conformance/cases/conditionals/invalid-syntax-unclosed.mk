# case: an unclosed paren in ifeq is invalid
ifeq (a,b
endif
all: ; @:
