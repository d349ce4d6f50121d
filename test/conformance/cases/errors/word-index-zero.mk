# case: word with index 0
X := $(word 0,a)
