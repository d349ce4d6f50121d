# case: += on an undefined variable makes a recursive variable
A += $(B)
B = late
all:
	@echo '[$(A)] $(flavor A)'
