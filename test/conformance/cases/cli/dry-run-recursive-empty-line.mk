# case: under -n a recipe whose only line expands to a bare `+` runs a sub-make, so its target is not taken as remade
# sh: touch -d '2001-01-01' b; touch -d '2002-01-01' a; touch c
# run: -n
.SUFFIXES:
BAR =     # nothing
FOO = +$(BAR)
a: b; echo > $@
b: c; $(FOO)
