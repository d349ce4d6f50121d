# case: - ignores a failing command
all:
	-false
	@echo continued
