# case: a first target with an escaped blank in its name is the default goal, double-colon rules and all
a\ xb :: ; @echo one
a\ xb :: ; @echo two
