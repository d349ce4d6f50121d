# case: a non-numeric word index is an error
$(info [$(word x,a b)])
all: ; @:
