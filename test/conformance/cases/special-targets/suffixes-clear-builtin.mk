# case: .SUFFIXES with no prerequisites removes built-in suffix rules
# run: hello.o
.SUFFIXES:
--- hello.c
