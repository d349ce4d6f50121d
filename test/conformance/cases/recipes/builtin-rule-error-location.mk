# case: errors in built-in rules are located at <builtin>
# run: broken.o
--- broken.c
this is not C
