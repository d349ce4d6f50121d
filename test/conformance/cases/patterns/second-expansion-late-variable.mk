# case: second expansion sees variables defined later
.SECONDEXPANSION:
all: $$(DEPS)
	@echo 'all needs $^'
DEPS = one two
one two:
	@echo $@
