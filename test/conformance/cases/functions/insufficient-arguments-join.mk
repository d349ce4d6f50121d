# case: too few arguments to join
X := $(join a)
all: ; @:
