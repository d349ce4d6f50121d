# case: a global private variable is visible globally but not in recipes
private X = global
$(info [$(X)])
all:
	@echo '[$(X)]'
