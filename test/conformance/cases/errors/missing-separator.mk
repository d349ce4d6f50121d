# case: a line that is neither rule nor assignment
all:
	@echo hi
this line is wrong
