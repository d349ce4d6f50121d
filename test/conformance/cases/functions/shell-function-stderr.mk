# case: shell passes stderr through
$(info [$(shell echo to-stderr >&2; echo out)])
all: ; @:
