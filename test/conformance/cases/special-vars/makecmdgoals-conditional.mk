# case: MAKECMDGOALS used to skip work for clean
# run: clean
# run: all
ifneq ($(MAKECMDGOALS),clean)
$(info reading dependencies)
endif
all clean:
	@echo $@
