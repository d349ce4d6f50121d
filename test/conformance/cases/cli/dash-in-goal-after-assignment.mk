# case: an option after a goal is still an option
# run: all -s
all:
	echo silent anyway
