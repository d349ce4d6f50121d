# case: call with a built-in function name calls the function
$(info [$(call subst,a,b,banana)] [$(call words,a b c)])
all: ; @:
