# case: too few arguments to foreach
all:
	@echo '$(foreach x,a)'
