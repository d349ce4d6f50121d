# case: a target value applies to every double-colon rule of the target
all: X = dc
all::
	@echo 'first $(X)'
all::
	@echo 'second $(X)'
