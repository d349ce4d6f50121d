# case: -R leaves SUFFIXES and .LIBPATTERNS empty
# run: -R
all:
	@echo '[$(SUFFIXES)] [$(.LIBPATTERNS)] [$(origin .LIBPATTERNS)]'
