# case: ifeq with parenthesised arguments
A = x
ifeq ($(A),x)
$(info equal)
endif
ifeq ($(A),y)
$(info wrong)
endif
all: ; @:
