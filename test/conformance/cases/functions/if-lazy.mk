# case: if expands only the branch it takes
$(info [$(if yes,ok,$(error not reached))])
$(info [$(if ,$(error not reached),ok)])
all: ; @:
