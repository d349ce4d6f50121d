# case: SHELL and .SHELLFLAGS with bash options
SHELL = /bin/bash
.SHELLFLAGS = -o pipefail -c
all:
	@echo "in $$0"
	@false | true
	@echo not reached
