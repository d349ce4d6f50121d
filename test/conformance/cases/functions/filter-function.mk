# case: filter keeps words matching any pattern
$(info [$(filter %.c %.s,foo.c bar.c baz.s ugh.h)])
$(info [$(filter a,a b a)] [$(filter ,a b)] [$(filter %,)])
$(info [$(filter a%b c,axb ab c cc)])
all: ; @:
