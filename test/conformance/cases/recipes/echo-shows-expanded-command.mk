# case: the echoed command is the expanded one
OUT = result.txt
all:
	echo '$@' > $(OUT)
	cat $(OUT)
