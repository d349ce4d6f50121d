# case: blanks around a backslash-newline collapse to a single space
X = a    \
          b
Y = c\
d
all:
	@echo '[$(X)] [$(Y)]'
