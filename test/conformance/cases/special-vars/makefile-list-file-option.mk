# case: MAKEFILE_LIST with -f
# run: -f other.mk
--- other.mk
all:
	@echo '[$(MAKEFILE_LIST)]'
