# case: backslash-newline followed by lines holding only a backslash
X = a \
\
\
b
all:
	@echo '[$(X)]'
