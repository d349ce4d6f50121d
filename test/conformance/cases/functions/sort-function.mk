# case: sort sorts words and removes duplicates
$(info [$(sort foo bar lose foo)])
$(info [$(sort b a B A 10 9 1)])
$(info [$(sort )] [$(sort   one  )])
all: ; @:
