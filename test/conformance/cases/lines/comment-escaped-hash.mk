# case: a backslash-escaped hash is a literal # in a variable value
X = a\#b
Y = \#start
all:
	@echo '$(X) $(Y)'
