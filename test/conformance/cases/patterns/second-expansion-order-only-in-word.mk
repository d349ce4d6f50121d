# case: a | inside an expanded word starts the order-only prerequisites
.SECONDEXPANSION:
PREREQS = p1|p2
P2 = p2
all: foo bar baz
f%o: $$(PREREQS) ; @echo '$@ from [$^] and [$|]'
b%r: p1|$$(P2) ; @echo '$@ from [$^] and [$|]'
baz: $$(PREREQS) ; @echo '$@ from [$^] and [$|]'
p% : ; @echo '$@'
