# case: an explicit goal without recipe
# run: foo
foo:
