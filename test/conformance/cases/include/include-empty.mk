# case: include with no names does nothing
EMPTY =
include
include $(EMPTY)
all:
	@echo ok
