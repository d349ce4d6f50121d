# case: a file vpath finds under a name the makefile gives a rule is that file
# run: all
# run: other
vpath %.h inc
all: x.h
	@echo 'all: [$^] [$?]'
other: y.h
	@echo 'other: [$^] [$?]'
inc/x.h: ; @echo making $@
y.h: z ; @echo making $@ from $^
inc/y.h: w
z w: ; @echo $@
--- inc/keep
