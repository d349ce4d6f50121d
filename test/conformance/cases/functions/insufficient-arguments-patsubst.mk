# case: too few arguments to patsubst
$(info $(patsubst %.c,%.o))
all: ; @:
