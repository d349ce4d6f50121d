# case: call with more arguments than used and empty ones
f = <$(1)|$(2)|$(3)>
$(info [$(call f,a,,c,d)] [$(call f)] [$(call f,,)])
all: ; @:
