# case: call substitutes $(1) $(2) and $(0)
reverse = $(2) $(1)
name = $(0)
$(info [$(call reverse,a,b)] [$(call name)] [$(call reverse,a)])
all: ; @:
