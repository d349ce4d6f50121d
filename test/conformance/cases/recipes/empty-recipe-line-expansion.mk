# case: a recipe line that expands to nothing is skipped
EMPTY =
all:
	$(EMPTY)
	@echo after
