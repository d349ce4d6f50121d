# case: MAKE_RESTARTS counts restarts after remaking makefiles
$(info restarts [$(MAKE_RESTARTS)])
include gen.mk
gen.mk:
	@echo 'GENERATED = yes' > $@
all:
	@echo '$(GENERATED) $(MAKE_RESTARTS)'
