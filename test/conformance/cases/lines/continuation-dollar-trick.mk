# case: $ before backslash-newline joins the lines without a space
X = abc$\
    def
all:
	@echo '[$(X)]'
