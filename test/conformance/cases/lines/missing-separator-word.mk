# case: a bare word is a missing separator
all:
	@echo hi
oops
