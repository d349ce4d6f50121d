# case: calling an undefined variable gives nothing
$(info [$(call nothing,a,b)])
all: ; @:
