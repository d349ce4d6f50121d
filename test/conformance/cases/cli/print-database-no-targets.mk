# case: make -p -f /dev/null prints the database and then says there are no targets
# sh: $MAKE -p -r -R -f /dev/null 2>&1 >/dev/null; echo status $?
# sh: $MAKE -p -r -R -f /dev/null 2>/dev/null | sed -n '/^# Implicit Rules/,/^# Files/p'
# sh: $MAKE -p -r -R -f /dev/null 2>/dev/null | grep -c '^# Finished Make data base'
