# case: the pattern with the shorter stem takes precedence
%.o: X = generic
foo%.o: X = specific
all: foo1.o bar.o
foo1.o bar.o:
	@echo '$@ $(X)'
