# case: target-specific += appends to the global value
X = global
all: X += target
all:
	@echo '[$(X)]'
