# case: words counts words
$(info [$(words foo bar baz)] [$(words )] [$(words   a   )])
$(info [$(words $(foreach i,1 2 3 4 5 6 7 8 9 10 11 12,x))])
all: ; @:
