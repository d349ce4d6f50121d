# case: the command's exit status appears in the message
all:
	@exit 3
