# case: a tab-indented # line inside a recipe is given to the shell
all:
	# this is echoed, then run by the shell
	@echo done
