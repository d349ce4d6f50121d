# case: and/or stop expanding at the deciding argument
$(info [$(or first,$(error not reached))])
$(info [$(and ,$(error not reached))])
all: ; @:
