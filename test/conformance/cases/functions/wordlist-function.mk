# case: wordlist selects a range of words
$(info [$(wordlist 2,3,foo bar baz)])
$(info [$(wordlist 2,9,a b c)] [$(wordlist 3,1,a b c)] [$(wordlist 5,6,a b)])
$(info [$(wordlist 1,0,a b)])
all: ; @:
