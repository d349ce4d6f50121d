# case: target-specific := expands when the line is read
Y = early
all: X := $(Y)
Y = late
all:
	@echo '[$(X)]'
