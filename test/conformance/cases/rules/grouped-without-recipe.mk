# case: a grouped rule without a recipe is an error
all: a b
a b &:
