# case: errors in an included file name that file and line
include bad.mk
all:
	@echo not reached
--- bad.mk
X = 1
oops
