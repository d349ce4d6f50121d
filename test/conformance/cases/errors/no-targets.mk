# case: a makefile without targets
X = 1
