# case: $(shell) in a recipe uses the target-specific value
all: X = target
all:
	@echo '$(shell echo $(X))'
