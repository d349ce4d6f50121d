# case: patsubst collapses the blanks between words
$(info [$(patsubst %,%,  a   b  )])
$(info [$(patsubst x,y,   )])
all: ; @:
