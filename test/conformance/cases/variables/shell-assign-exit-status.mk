# case: != of a failing command still assigns its output
A != echo out; exit 3
all:
	@echo '[$(A)] $(.SHELLSTATUS)'
