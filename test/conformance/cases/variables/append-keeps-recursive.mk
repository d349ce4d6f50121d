# case: += on a recursive variable stays recursive
A = $(B)
A += more
B = late
all:
	@echo '[$(A)] $(flavor A)'
