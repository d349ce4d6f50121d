# case: the foreach variable is simple during the loop
$(info [$(foreach v,$$(x),$(v))])
$(info [$(foreach v,a,$(flavor v))])
all: ; @:
