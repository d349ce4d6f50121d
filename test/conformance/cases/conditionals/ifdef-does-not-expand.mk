# case: ifdef looks at the unexpanded value
E =
A = $(E)
ifdef A
$(info A counts as defined)
endif
all: ; @:
