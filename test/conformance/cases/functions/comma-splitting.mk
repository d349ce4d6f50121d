# case: only the first commas split arguments of two-argument functions
$(info [$(firstword a,b c)])
$(info [$(subst a,b,c,a,d)])
all: ; @:
