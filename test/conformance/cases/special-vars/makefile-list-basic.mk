# case: MAKEFILE_LIST starts with the makefile read
all:
	@echo '[$(MAKEFILE_LIST)]'
