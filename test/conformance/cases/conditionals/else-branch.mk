# case: else branches
ifeq (a,b)
$(info wrong)
else
$(info else taken)
endif
all: ; @:
