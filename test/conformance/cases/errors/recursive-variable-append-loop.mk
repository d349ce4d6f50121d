# case: a recursive variable appending itself through += is fine
X = a
X += $(Y)
Y = b
all:
	@echo $(X)
