# case: MAKEOVERRIDES holds the command-line variables
# run: A=1 B=2
all:
	@echo '[$(MAKEOVERRIDES)]'
