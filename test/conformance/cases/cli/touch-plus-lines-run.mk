# case: + lines run under -t
# run: -t
out:
	+@echo plus line
	@echo normal line
