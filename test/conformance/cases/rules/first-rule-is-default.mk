# case: the first target of the makefile is the default goal
first:
	@echo first
all:
	@echo all
