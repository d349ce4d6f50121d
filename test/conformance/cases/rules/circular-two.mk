# case: a two-step dependency cycle is dropped with a message
a: b
	@echo a
b: a
	@echo b
