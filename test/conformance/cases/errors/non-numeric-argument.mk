# case: a non-numeric argument to wordlist
X := $(wordlist a,2,x y)
