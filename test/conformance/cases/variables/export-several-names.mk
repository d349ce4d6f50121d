# case: export with several names and a computed list
A = a
B = b
C = c
NAMES = B C
export A $(NAMES)
all:
	@echo "[$$A] [$$B] [$$C]"
