# case: a target-specific value is seen by that target's recipe only
# run: all
# run: other
X = global
all: X = target
all: other
	@echo 'all: $(X)'
other:
	@echo 'other: $(X)'
