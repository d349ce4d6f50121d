# case: variable names may contain punctuation
a.b-c/d = dotted
x+y = plus
all:
	@echo '$(a.b-c/d) $(x+y)'
