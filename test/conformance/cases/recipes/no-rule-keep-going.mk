# case: a missing prerequisite with -k
# run: -k
all: missing other
	@echo not reached
other:
	@echo other made
