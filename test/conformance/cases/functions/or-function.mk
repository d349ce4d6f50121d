# case: or returns the first non-empty argument
E :=
$(info [$(or $(E),,second,third)] [$(or $(E),)] [$(or a)])
$(info [$(or ,$(E) , x)])
all: ; @:
