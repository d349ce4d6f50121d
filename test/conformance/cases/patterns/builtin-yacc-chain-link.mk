# case: built-in rules chain .y through .c and .o to a program, under -n
# run: -n parse
--- parse.y
