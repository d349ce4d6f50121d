# case: eval of a rule with prerequisites inside a recipe
all:
	$(eval extra: dep)
