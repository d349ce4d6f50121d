# case: ?= defines a recursive variable
A ?= $(B)
B = later
all:
	@echo '$(A) $(flavor A)'
