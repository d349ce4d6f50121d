# case: a function call without a closing paren
X := $(subst a,b,abc
all: ; @:
