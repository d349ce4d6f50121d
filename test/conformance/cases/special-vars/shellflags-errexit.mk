# case: .SHELLFLAGS = -ec stops a line at its first failure
.SHELLFLAGS = -ec
all:
	@false; echo not reached
