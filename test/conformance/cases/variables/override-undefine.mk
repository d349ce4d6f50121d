# case: override undefine removes a command-line variable
# run: X=cmd
override undefine X
all:
	@echo '[$(X)] $(origin X)'
