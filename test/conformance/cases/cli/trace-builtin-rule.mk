# case: --trace says <builtin> for a recipe from a built-in rule
# sh: echo data > x
# run: --trace x.out
