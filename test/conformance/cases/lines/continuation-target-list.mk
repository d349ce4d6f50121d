# case: a target list continued over lines
# run:
# run: two
one \
two: ; @echo '$@'
all: one two
