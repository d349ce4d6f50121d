# case: a backslash at the end of a comment continues the comment
# this comment goes on \
X = hidden
all:
	@echo '[$(X)]'
