# case: too few arguments to word
all:
	@echo $(word 1)
