# case: built-in rules chain .l to .c to .o, under -n
# run: -n scan.o
--- scan.l
