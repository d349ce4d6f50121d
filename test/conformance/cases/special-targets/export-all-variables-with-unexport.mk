# case: unexport still works under .EXPORT_ALL_VARIABLES
.EXPORT_ALL_VARIABLES:
ONE = 1
TWO = 2
unexport TWO
all:
	@echo "[$$ONE] [$$TWO]"
