# case: $@ of a grouped recipe is the target that was asked for first
.PHONY: all g1 g2 g3
all: g3 g2 g1
g1 g2 g3&: ; @echo 'recipe for $@'
