# case: make -p -f /dev/null prints the database and then says there are no targets
# sh: $MAKE -p -r -R -f /dev/null >out 2>err; echo status $?; cat err
# sh: sed -n '/^# Implicit Rules/,/^# Files/p' out
# sh: grep -c '^# Finished Make data base' out
