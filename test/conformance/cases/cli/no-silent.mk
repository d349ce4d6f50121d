# case: --no-silent turns -s off again
# run: -s --no-silent
all:
	echo hi
