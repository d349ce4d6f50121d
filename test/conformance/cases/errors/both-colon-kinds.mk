# case: one target with : and :: rules
x: ; @echo single
x:: ; @echo double
