# case: -f, --file= and --makefile= name the makefile
# run: -f other.mk
# run: --file=other.mk
# run: --makefile other.mk
--- other.mk
all:
	@echo from other.mk
