# case: an empty define gives an empty variable
define EMPTY
endef
all:
	@echo '[$(EMPTY)] $(origin EMPTY)'
