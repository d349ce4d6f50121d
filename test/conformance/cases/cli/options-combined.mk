# case: several single-letter options in one word
# run: -sk bad good
bad:
	@false
good:
	echo good
