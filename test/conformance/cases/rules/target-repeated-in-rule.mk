# case: a target named twice in a rule is told of only when the rule has a recipe; a double-colon one gets two rules
# run: all c e
all: ; @echo ok
a b a:
c d c: ; @echo $@
e f e::
	@echo e
