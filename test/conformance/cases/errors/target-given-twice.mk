# case: a target listed twice in one rule
all all:
	@echo once
