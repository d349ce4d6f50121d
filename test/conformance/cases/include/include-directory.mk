# case: including a directory is an error
include subdir
all:
	@echo not reached
--- subdir/file
