# case: target-specific += on a recursive global expands late
X = $(Y)
all: X += and $(Y)
all:
	@echo '[$(X)]'
Y = late
