# case: origin and flavor of target-specific variables
all: R = recursive
all: S := simple
all:
	@echo '$(origin R) $(flavor R) $(origin S) $(flavor S)'
