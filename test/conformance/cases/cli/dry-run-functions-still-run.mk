# case: -n still runs $(shell) and $(info) while expanding
# run: -n
all:
	@echo $(shell echo from-shell) $(info info runs)
