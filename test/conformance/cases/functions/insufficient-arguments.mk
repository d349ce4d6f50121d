# case: too few arguments to a function
$(info $(subst a,b))
all: ; @:
