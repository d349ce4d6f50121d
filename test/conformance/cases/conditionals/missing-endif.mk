# case: a conditional without endif
ifeq (a,a)
$(info inside)
all: ; @:
