# case: lib(a b) names several members
all: lib.a(x.o y.o)
	@echo 'done: $^'
--- x.o
x
--- y.o
y
