# case: a target-specific value beats a pattern-specific one
%.o: X = pattern
a.o: X = target
all: a.o b.o
a.o b.o:
	@echo '$@ $(X)'
