# case: flavor reports recursive, simple or undefined
A = 1
B := 1
$(info $(flavor A) $(flavor B) $(flavor C) $(flavor MAKEFILE_LIST))
all: ; @:
