# case: a very long line of prerequisites
N := 0 1 2 3 4 5 6 7 8 9
L := $(foreach a,$(N),$(foreach b,$(N),$(foreach c,$(N),x$(a)$(b)$(c))))
all:
	@echo $(words $(L)) $(lastword $(L))
