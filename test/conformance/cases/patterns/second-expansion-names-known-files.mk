# case: a file named by a second expansion ought to exist for the implicit rule search
.SECONDEXPANSION:
W = foo.w
all: foo.z
unused: $$(W)
%.z: %.w ; @echo '$@ from $<'
