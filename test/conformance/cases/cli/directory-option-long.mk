# case: --directory= works like -C
# run: --directory=sub --no-print-directory
--- sub/Makefile
all:
	@echo in sub
