# case: .POSIX makes the shell exit on the first error
.POSIX:
all:
	@false; echo not reached
