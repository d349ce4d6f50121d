# case: -s with -n still prints the commands
# run: -s -n
all:
	echo hi
