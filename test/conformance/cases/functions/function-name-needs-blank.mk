# case: a function name needs a blank before its arguments
subst = variable
$(info [$(subst)] [$(subst,a,b)])
all: ; @:
