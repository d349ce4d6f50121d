# case: a recipe writing to stderr
all:
	@echo to-stdout
	@echo to-stderr >&2
