# case: .EXPORT_ALL_VARIABLES exports every variable
.EXPORT_ALL_VARIABLES:
ONE = 1
TWO = $(ONE)2
all:
	@echo "[$$ONE] [$$TWO]"
