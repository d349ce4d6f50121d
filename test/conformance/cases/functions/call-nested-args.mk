# case: arguments of a nested call shadow the outer ones
inner = in($(1),$(2))
outer = out($(1),$(call inner,$(2)))
$(info [$(call outer,a,b)])
all: ; @:
