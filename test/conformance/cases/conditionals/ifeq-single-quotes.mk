# case: ifeq with single-quoted arguments
A = x
ifeq '$(A)' 'x'
$(info single equal)
endif
all: ; @:
