# case: ifdef of a variable defined only for a target
all: X = 1
ifdef X
$(info wrong)
else
$(info not defined at read time)
endif
all: ; @:
