# case: without pipefail a pipeline's status is its last command's
all:
	@false | true
	@echo reached
