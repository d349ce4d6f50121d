# case: $(error) while expanding a recipe
all:
	@echo never
	$(error stop here)
