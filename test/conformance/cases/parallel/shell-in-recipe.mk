# case: $(info) and $(shell) stderr from recipes come in serial order
# parallel: -j4
all: a b
a: ; @sleep 0.2; echo a$(info info for a)
b: ; @echo b$(shell echo shell for b >&2)
