# case: blanks between the name and the operator are not part of the name
X      = spaced
   Y = leading
all:
	@echo '[$(X)] [$(Y)]'
