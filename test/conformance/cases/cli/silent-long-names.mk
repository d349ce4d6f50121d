# case: --silent and --quiet are -s
# run: --silent
# run: --quiet
all:
	echo hi
