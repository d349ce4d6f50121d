# case: .ONESHELL with .SHELLFLAGS -ec stops at the first failure
.ONESHELL:
.SHELLFLAGS = -ec
all:
	@echo before
	false
	echo not reached
