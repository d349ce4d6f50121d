# case: a second expansion that defines a rule is an error, one that defines a variable is not
.SECONDEXPANSION:
all: $$(eval X = 1)$$(info X is $$X) proj.o $$(eval $$(rule))
define rule
proj.o: proj.c
endef
