# case: parentheses inside arguments must balance
$(info [$(subst (a),[a],x(a)y)])
$(info [$(if x,(a,b),c)])
all: ; @:
