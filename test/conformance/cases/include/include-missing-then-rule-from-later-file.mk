# case: a rule to make an include may come later in the makefile
include late.mk
all:
	@echo 'LATE=$(LATE)'
late.mk:
	@echo 'LATE = yes' > $@
