# case: a goal with nothing to do
all: dep
dep:
