# case: with -k a missing include still fails, after the goals ran
# run: -k
include missing.mk
all:
	@echo not reached
