# case: an order-only intermediate file is made only when its target is
# sh: touch foo.c foo.f
# run:
# sh: touch foo.z
# run:
all: foo.z
%.z: %.c | %.e ; @echo 'build $@ from [$^] and [$|]'; touch $@
%.e: %.f ; @echo 'mk $@'
