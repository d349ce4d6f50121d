# case: if chooses on a non-empty condition
E :=
$(info [$(if yes,then,else)] [$(if $(E),then,else)] [$(if $(E),then)])
$(info [$(if   ,a,b)] [$(if x,a)] [$(if $(E) $(E),a,b)])
all: ; @:
