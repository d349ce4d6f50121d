# case: the blanks before an end-of-line comment stay in the value
X = value   # comment
all:
	@echo '[$(X)]'
