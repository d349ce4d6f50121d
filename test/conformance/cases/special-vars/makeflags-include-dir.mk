# case: -I directories are passed on in MAKEFLAGS
# run: -s -I inc
all:
	@echo '[$(MAKEFLAGS)]'
--- inc/keep.txt
