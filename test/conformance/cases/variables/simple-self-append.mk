# case: a simple variable can use its old value
X := one
X := $(X) two
all:
	@echo '$(X)'
