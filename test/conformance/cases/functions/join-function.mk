# case: join pastes words pairwise
$(info [$(join a b,.c .o)])
$(info [$(join a b c,1 2)] [$(join a,1 2 3)] [$(join ,x)])
all: ; @:
