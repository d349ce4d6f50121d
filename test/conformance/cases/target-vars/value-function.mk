# case: $(value) of a target-specific variable
all: X = $$(not expanded) $(Y)
all:
	@echo '$(value X)'
