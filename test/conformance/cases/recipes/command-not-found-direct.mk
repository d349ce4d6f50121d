# case: a missing simple command run without a shell
all:
	nosuchcommand-xyz arg
