# case: a target with target-specific variables but no .EXTRA_PREREQS of its own gets none
# run: b
# run: a
.EXTRA_PREREQS = tick
.PHONY: a b tick
a: ; @echo a
b: X = 1
b: ; @echo b
tick: ; @echo $@
