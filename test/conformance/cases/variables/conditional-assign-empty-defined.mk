# case: ?= does not assign to a variable defined as empty
A =
A ?= value
all:
	@echo '[$(A)]'
