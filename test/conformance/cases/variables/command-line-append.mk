# case: a command-line += appends to nothing but the command line
# run: X+=cmd
X = file
all:
	@echo '[$(X)] $(origin X)'
