# case: a bare export exports every variable
export
ONE = 1
TWO = 2
all:
	@echo "[$$ONE] [$$TWO]"
