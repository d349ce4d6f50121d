# case: a missing include with no rule to make it is fatal
include missing.mk
all:
	@echo not reached
