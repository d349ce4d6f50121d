# case: a variable assignment in the middle of a recipe
all:
	@echo '[$(X)]'
X = set
	@echo '[$(X)]'
