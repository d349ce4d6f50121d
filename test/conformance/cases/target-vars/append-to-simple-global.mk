# case: target-specific += on a simple global variable
Y = early
X := $(Y)
all: X += $(Y)
Y = late
all:
	@echo '[$(X)]'
