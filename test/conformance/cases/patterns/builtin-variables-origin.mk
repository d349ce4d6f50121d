# case: built-in variables have origin default and are recursive
all:
	@echo '$(origin CC) $(flavor CC) $(origin OUTPUT_OPTION)'
	@echo '$(value LINK.o) | $(value CHECKOUT,v)'
	@echo '[$(SUFFIXES)] [$(.LIBPATTERNS)]'
