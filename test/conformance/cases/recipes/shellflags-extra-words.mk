# case: .SHELLFLAGS with several words
.SHELLFLAGS = -e -u -c
all:
	@echo "[$${UNSET_VARIABLE:-default}]"
	@echo "$$UNSET_VARIABLE"
	@echo not reached
