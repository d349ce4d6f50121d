# case: an else without a conditional
else
all: ; @:
