# case: -w prints the leaving line also after an error
# run: -w
all:
	@false
