# case: an included makefile whose rule creates nothing causes no restart
-include dep.mk
include other.mk
all:
	@echo 'DEP=$(DEP) OTHER=$(OTHER)'
dep.mk other.mk:
	@
