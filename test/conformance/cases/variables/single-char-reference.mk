# case: $X and ${X} and $(X)
X = one
Y = two
all:
	@echo '$X ${Y} $(X)$Yz'
