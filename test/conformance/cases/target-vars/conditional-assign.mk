# case: target-specific ?= does not replace a global value
X = global
all: X ?= target
all: Y ?= target
all:
	@echo '[$(X)] [$(Y)]'
