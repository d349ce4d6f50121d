# case: no makefile and no goal
# run: -C empty
# run: -C empty goal
--- empty/.keep
