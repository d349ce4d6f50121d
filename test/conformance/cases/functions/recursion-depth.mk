# case: a recursive function that counts up to five
count = $(words $(1))$(if $(word 5,$(1)),,$(call count,$(1) x))
$(info [$(call count,x)])
all: ; @:
