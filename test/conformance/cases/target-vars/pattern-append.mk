# case: pattern-specific += and target-specific += both apply
X = global
%.o: X += pattern
a.o: X += target
all: a.o b.o
a.o b.o:
	@echo '$@ [$(X)]'
