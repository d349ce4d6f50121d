# case: with -k other targets are still made after a failure
# run: -k
all: bad good
	@echo not reached
bad:
	@false
good:
	@echo good made
