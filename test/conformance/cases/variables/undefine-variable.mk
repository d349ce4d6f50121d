# case: undefine removes a variable
X = defined
undefine X
all:
	@echo '[$(X)] $(origin X)'
