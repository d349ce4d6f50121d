# case: a conditional sees values at the time it is read
ifeq ($(X),1)
$(info X was 1)
else
$(info X was not 1)
endif
X = 1
all: ; @:
