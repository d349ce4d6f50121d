# case: -S cancels -k
# run: -k -S bad good
bad:
	@false
good:
	@echo good
