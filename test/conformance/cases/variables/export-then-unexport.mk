# case: the last of export and unexport wins
export X = x
unexport X
Y = y
unexport Y
export Y
all:
	@echo "[$$X] [$$Y]"
