# case: no rule to make a goal
# run: missing
all:
	@echo all
