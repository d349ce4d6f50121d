# case: foreach expands text for each word
$(info [$(foreach d,a b c,<$(d)>)])
$(info [$(foreach d,,x)] [$(foreach d, a  b ,$(d))])
all: ; @:
