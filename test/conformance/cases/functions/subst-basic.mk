# case: subst replaces every occurrence
$(info [$(subst ee,EE,feet on the street)])
$(info [$(subst a,,banana)])
$(info [$(subst ,x,abc)])
$(info [$(subst a,b,)])
all: ; @:
