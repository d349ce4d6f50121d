# case: backslash-newline in a variable value becomes one space
X = a \
    b \
        c
all:
	@echo '[$(X)]'
