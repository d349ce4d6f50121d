# case: a failing recipe line is named by the recipe's first line plus its place in the recipe, as GNU counts: continuations, comments and conditionals between do not count
# run: -k one two three
one:
	@echo one \
	  two
	@false
two:
	@true

# a comment
	@echo $(warning in two)
ifeq (a,a)
	@false
endif
three: ; @true \
  x
	@false
