# case: a target is made after its prerequisites, in order
all: one two
	@echo all
one:
	@echo one
two:
	@echo two
