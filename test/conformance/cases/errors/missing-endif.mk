# case: ifdef without endif
ifdef X
Y = 1
