# case: a circular dependency is reported and dropped
all: a
a: b
	@echo a
b: a
	@echo b
