# case: a pattern-specific value applies to matching targets
X = global
%.o: X = object
all: a.o b.c
a.o b.c:
	@echo '$@ $(X)'
