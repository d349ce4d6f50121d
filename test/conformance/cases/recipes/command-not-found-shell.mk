# case: a missing command run through the shell
all:
	@nosuchcommand-xyz arg; true && nosuchcommand-xyz
