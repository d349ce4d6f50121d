# case: the whole recipe is expanded before its first line runs
all:
	@echo one
	$(info expanded early)
	@echo two
