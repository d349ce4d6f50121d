# case: in a recipe, backslash-newline is kept and shown when echoing
all:
	echo one \
	two \
   three
