# case: the status of a line is that of its last command
all:
	@false; true
	@echo fine
