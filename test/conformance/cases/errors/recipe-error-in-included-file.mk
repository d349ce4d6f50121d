# case: a failing recipe defined in an included file
include rules.mk
--- rules.mk
all:
	@false
