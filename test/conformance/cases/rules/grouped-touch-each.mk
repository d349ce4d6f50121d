# case: -t touches each target of a group on its own
# run: -t
# sh: ls
all: a b c
a b c &: ; @echo 'making for $@'
