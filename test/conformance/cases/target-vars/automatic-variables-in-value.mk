# case: a recursive target-specific value sees the current target's $@
all: X = <$@>
all: dep
	@echo 'all $(X)'
dep:
	@echo 'dep $(X)'
