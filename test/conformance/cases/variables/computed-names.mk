# case: variable names built from other variables
a_b = found
X = a
Y = b
LEVEL2 = X
all:
	@echo '$($(X)_$(Y)) $($($(LEVEL2))_b)'
