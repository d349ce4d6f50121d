# case: the prerequisites of the other targets of a group are made before its recipe
# run: -n
all: a b
a b &: x ; @echo 'making a b for $@ from [$^]'; touch a b
b: y
x y: ; @echo $@
