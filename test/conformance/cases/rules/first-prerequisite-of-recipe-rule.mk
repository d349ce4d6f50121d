# case: $< comes from the rule that has the recipe
all: extra
all: main
	@echo '$< | $^'
main extra:
	@:
