# case: after a failure later goals are not made
# run: bad good
bad:
	@false
good:
	@echo good
