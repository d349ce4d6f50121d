# case: -f naming a missing makefile
# run: -f missing.mk
