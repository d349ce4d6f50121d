# case: nested parentheses in ifeq arguments
ifeq ((a),(a))
$(info parens inside)
endif
all: ; @:
