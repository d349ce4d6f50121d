# case: several target values for one target accumulate
all: A = 1
all: B = 2
all: A += 3
all:
	@echo '$(A) $(B)'
