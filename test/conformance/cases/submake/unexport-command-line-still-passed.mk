# case: unexport does not stop command-line variables in MAKEFLAGS
# run: X=cmd
unexport X
all:
	@$(MAKE) -s -C sub
	@echo "env [$$X]"
--- sub/Makefile
all:
	@echo '[$(X)] $(origin X)'
