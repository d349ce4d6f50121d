# case: @ stops a command from being echoed
all:
	@echo quiet
	echo loud
