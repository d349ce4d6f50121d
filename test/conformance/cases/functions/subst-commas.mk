# case: commas in subst arguments through variables
comma := ,
space := $(subst ,, )
list := a b c
$(info [$(subst $(space),$(comma),$(list))])
$(info [$(subst $(comma), ,x,y,z)])
all: ; @:
