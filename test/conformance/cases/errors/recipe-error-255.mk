# case: a high exit status
all:
	@exit 255
