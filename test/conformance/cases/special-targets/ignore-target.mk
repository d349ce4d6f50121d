# case: .IGNORE ignores errors in the listed targets' recipes
.IGNORE: bad
all: bad
	@echo after bad
bad:
	@false
	@echo still running
