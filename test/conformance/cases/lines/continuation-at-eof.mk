# case: a backslash on the last line of the makefile
all:
	@echo '[$(X)]'
X = end \
