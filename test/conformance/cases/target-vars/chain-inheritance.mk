# case: values flow down a chain and can be replaced on the way
X = global
top: X = top
mid: X = mid
top: mid
	@echo 'top $(X)'
mid: leaf
	@echo 'mid $(X)'
leaf:
	@echo 'leaf $(X)'
