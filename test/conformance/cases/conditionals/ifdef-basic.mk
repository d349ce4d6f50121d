# case: ifdef tests whether a variable has a non-empty value
A = x
B =
ifdef A
$(info A defined)
endif
ifdef B
$(info B defined)
endif
ifdef C
$(info C defined)
endif
all: ; @:
