# case: several += add single spaces
A = 1
A += 2
A += 3   4
all:
	@echo '[$(A)]'
