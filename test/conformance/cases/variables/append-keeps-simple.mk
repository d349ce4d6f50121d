# case: += on a simple variable expands the new text at once
B = early
A := $(B)
A += $(B)
B = late
all:
	@echo '[$(A)] $(flavor A)'
