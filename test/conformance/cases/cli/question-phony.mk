# case: -q on a phony target with a recipe
# run: -q all
# run: -q empty
.PHONY: all empty
all:
	@echo running
empty:
