# case: a \% in a filter pattern matches a literal %
$(info [$(filter 5\%,5% 50 5%x)])
$(info [$(filter \%%,%a b %)])
all: ; @:
