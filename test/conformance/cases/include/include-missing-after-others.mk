# case: the missing include error comes after the whole makefile is read
include missing.mk
$(info still reading)
all:
	@echo not reached
