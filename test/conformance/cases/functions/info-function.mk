# case: info prints to stdout without location
$(info plain)
$(info   leading blanks kept)
$(info )
$(info a,b, c)
all: ; @:
