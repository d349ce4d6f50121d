# case: a makefile with only comments has no targets
# run:
# run: all
