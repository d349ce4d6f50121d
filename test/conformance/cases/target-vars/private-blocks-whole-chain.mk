# case: a private value is not seen further down either
X = global
all: private X = mine
all: mid
mid: leaf
	@echo 'mid $(X)'
leaf:
	@echo 'leaf $(X)'
