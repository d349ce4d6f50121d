# case: word picks the n-th word
$(info [$(word 2,foo bar baz)] [$(word 4,foo bar baz)] [$(word 1, a )])
$(info [$(word 02,x y)] [$(word  3 ,a b c)])
all: ; @:
