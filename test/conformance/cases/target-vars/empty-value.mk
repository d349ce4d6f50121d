# case: a target can set a variable to empty
X = global
all: X =
all:
	@echo '[$(X)] $(origin X)'
