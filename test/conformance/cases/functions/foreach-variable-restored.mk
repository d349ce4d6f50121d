# case: the loop variable is restored after foreach
d = outer
$(info [$(foreach d,a b,$(d))] [$(d)] $(origin d))
$(info [$(foreach e,a b,$(e))] [$(e)] $(origin e))
all: ; @:
