# case: an endif without a conditional
all: ; @:
endif
