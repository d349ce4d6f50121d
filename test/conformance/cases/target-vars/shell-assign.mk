# case: target-specific != runs the command
all: X != echo from shell
all:
	@echo '[$(X)]'
