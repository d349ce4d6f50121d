# case: an unclosed $( in a variable reference
X = 1
all: $(X
