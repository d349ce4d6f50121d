# case: a target-specific .EXTRA_PREREQS replaces the global one, after the other prerequisites
.EXTRA_PREREQS = tick
.PHONY: all one two tick three four
all: one two
one: .EXTRA_PREREQS := three four
one: tick ; @echo 'one [$^]'
two: ; @echo 'two [$^]'
tick three four: ; @echo $@
