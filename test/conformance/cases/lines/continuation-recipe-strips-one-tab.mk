# case: only the first tab of a recipe continuation line is removed
all:
	@printf '%s|\n' 'x\
		y'
