# case: -w turned on by itself in a sub-make is in its MAKEFLAGS, as in GNU make
all:
	@$(MAKE) -C . sub
sub:
	@echo "MF=$(MAKEFLAGS)"; $(MAKE) sub2
sub2:
	@echo "MF2=$(MAKEFLAGS)"
