# case: error stops make with a message and location
$(info before)
$(error Something went wrong: $(words a b))
$(info after)
all: ; @:
