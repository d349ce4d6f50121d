# case: shell runs a command; newlines become spaces
$(info [$(shell echo a; echo b)] [$(shell printf 'x\n\n\n')])
$(info [$(shell true)] [$(shell printf 'a\n b')])
all: ; @:
