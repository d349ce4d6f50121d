# case: a plain assignment after override is ignored
override X = first
X = second
all:
	@echo '$(X)'
