# case: call on a simple variable does not re-expand it
s := $$(1)
r = $(1)
$(info [$(call s,x)] [$(call r,x)])
all: ; @:
