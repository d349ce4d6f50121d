# case: a variable name with a blank is a missing separator
X Y = 1
