# case: a name that expands to nothing
EMPTY =
$(EMPTY) = value
