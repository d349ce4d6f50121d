# case: command-line goals are made in the given order
# run: c a b
a b c:
	@echo $@
