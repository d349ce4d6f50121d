# case: MFLAGS holds the options with a leading dash
# run: -s -k X=1
all:
	@echo '[$(MFLAGS)]'
