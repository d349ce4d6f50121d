# case: an included file that does not exist is made, then make restarts
include gen.mk
all:
	@echo 'GEN=$(GEN)'
gen.mk:
	@echo making $@
	@echo 'GEN = generated' > $@
