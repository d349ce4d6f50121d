# case: --no-builtin-rules is -r
# run: --no-builtin-rules hello.o
--- hello.c
