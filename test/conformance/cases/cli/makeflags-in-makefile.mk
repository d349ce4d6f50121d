# case: options added to MAKEFLAGS in the makefile take effect
MAKEFLAGS += -s
all:
	echo quiet
