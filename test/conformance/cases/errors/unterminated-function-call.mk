# case: an unclosed function call
X := $(subst a,b,$(Y)
