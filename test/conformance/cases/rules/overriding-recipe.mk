# case: a second recipe for a target overrides the first, with warnings
all:
	@echo first recipe
all:
	@echo second recipe
