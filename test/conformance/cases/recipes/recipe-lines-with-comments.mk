# case: shell comments in recipes
all:
	@echo one # a shell comment
	@# a silent shell comment
	# an echoed shell comment
