# case: a rule mixing pattern and normal targets
all: b
a %.x: b
b:
	@echo b
