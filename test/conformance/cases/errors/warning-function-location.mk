# case: $(warning) shows the makefile and line
X = 1
$(warning X is $(X))
all:
	@echo done
