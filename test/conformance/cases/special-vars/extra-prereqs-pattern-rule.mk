# case: pattern rules get the global .EXTRA_PREREQS, and a target-specific list still applies
all: a.dst b.dst
.EXTRA_PREREQS = tick
b.dst: .EXTRA_PREREQS = tack
%.dst: %.src ; @echo '$@ from [$^]'
a.src b.src tick tack: ; @echo $@
