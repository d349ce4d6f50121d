# case: -r removes built-in rules
# run: -r hello.o
--- hello.c
