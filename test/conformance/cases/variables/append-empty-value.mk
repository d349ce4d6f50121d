# case: appending nothing and appending to empty
A = x
A +=
B =
B += y
all:
	@echo '[$(A)] [$(B)]'
