# case: a longer cycle
a: b
	@echo a
b: c
	@echo b
c: a
	@echo c
