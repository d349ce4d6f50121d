# case: --eval adds makefile text before the makefiles are read
# run: --eval 'X = from-eval' --eval 'Y := $(X)'
X ?= makefile
all:
	@echo '[$(X)] [$(Y)]'
