# case: a command-line value with spaces reaches the sub-make intact
# run: 'X=a b  c'
all:
	@$(MAKE) -s -C sub
--- sub/Makefile
all:
	@echo '[$(X)]'
