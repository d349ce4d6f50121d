# case: the first goal of a grouped rule runs its recipe; the others have nothing to do
# run: g1 g2 g3
.PHONY: g1 g2 g3
g1 g2 g3 &: ; @echo 'recipe for $@'
