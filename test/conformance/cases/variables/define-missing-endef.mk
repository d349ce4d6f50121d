# case: a define without endef is fatal
all:
	@echo hi
define A
body
