# case: -q counts a target whose recipe expands to nothing as up to date
# run: -q two
# run: -q four
# run: -q five
# run: -q three
two: ;
three: ; :
four: ; $(.XY)
five: ; \
 $(.XY)
