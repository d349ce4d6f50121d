# case: mixing : and :: for one target is an error
all: ; @echo one
all:: ; @echo two
