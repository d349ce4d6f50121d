# case: wordlist with a zero start is an error
$(info [$(wordlist 0,2,a b)])
all: ; @:
