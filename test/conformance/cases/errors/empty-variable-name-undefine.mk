# case: undefine without a name
undefine
