# case: patsubst replaces whole words matching a pattern
$(info [$(patsubst %.c,%.o,x.c.c bar.c baz.h)])
$(info [$(patsubst %,pre-%,a b)])
$(info [$(patsubst a%z,<%>,abcz az abc)])
all: ; @:
