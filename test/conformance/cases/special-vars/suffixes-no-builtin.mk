# case: SUFFIXES with -r
# run: -r
all:
	@echo '[$(SUFFIXES)]'
