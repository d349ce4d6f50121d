# case: -f with a missing file
# run: -f nope.mk
