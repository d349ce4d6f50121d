# case: a recursive variable referring to itself is fatal
X = $(X) more
all:
	@echo '$(X)'
