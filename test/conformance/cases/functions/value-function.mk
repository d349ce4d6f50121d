# case: value returns the unexpanded text
FOO = $PATH-$(BAR)
BAR = bar
$(info [$(value FOO)] [$(value BAR)] [$(value NOPE)])
all: ; @:
