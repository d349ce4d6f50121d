# case: -s silences all echoing
# run: -s
all:
	echo one
	echo two
