# case: unexport one variable after a bare export
export
A = a
B = b
unexport B
all:
	@echo "[$$A] [$$B]"
