# case: $$* in a pattern rule's prerequisites
.SECONDEXPANSION:
all: a.out
%.out: $$*.in $$(addsuffix .h,$$*)
	@echo '$@ needs $^'
--- a.in
--- a.h
