# case: the last command-line assignment of a variable wins
# run: X=1 X=2
all:
	@echo '$(X)'
