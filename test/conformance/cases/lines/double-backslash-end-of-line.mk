# case: an even number of backslashes at line end does not continue
X = a\\
Y = b
all:
	@echo '[$(X)] [$(Y)]'
