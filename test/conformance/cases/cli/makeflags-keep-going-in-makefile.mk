# case: MAKEFLAGS += -k in the makefile
MAKEFLAGS += -k
all: bad good
bad:
	@false
good:
	@echo good
