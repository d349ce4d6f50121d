# case: .SHELLFLAGS = -xc traces commands
.SHELLFLAGS = -xc
all:
	@echo traced
