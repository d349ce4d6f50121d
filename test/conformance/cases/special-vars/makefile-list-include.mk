# case: MAKEFILE_LIST grows with each include
$(info [$(MAKEFILE_LIST)])
include one.mk
$(info [$(MAKEFILE_LIST)])
all:
	@echo '[$(MAKEFILE_LIST)]'
--- one.mk
$(info in one.mk: [$(lastword $(MAKEFILE_LIST))])
