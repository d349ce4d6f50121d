# case: error expanded in a recipe stops before running it
all:
	@echo first
	$(error in recipe)
