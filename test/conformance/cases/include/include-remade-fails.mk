# case: failing to remake an included file is fatal
include gen.mk
all:
	@echo not reached
gen.mk:
	@echo trying
	@false
