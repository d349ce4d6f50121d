# case: comment lines and end-of-line comments are ignored
# a plain comment
X = one # trailing comment
   # an indented comment
all: ; @echo '[$(X)]' # comment after a recipe goes to the shell
