# case: -k makes other goals after a failure
# run: -k bad good
bad:
	@false
good:
	@echo good
