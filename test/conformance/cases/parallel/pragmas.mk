# case: #pragma lines are comments to make; runlocal and allserial keep the serial output
# parallel: -j4
#pragma allserial
all: a b c
a:
	@sleep 0.1; echo a
#pragma runlocal
b:
	@echo b
c:
	@echo c
