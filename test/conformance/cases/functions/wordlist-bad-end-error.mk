# case: wordlist with a non-numeric end is an error
$(info [$(wordlist 1,x,a b)])
all: ; @:
