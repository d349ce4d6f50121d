# case: filter-out removes words matching any pattern
$(info [$(filter-out %.o,a.o b.c c.o d.h)])
$(info [$(filter-out a b,a b c a)])
$(info [$(filter-out ,a b)])
all: ; @:
