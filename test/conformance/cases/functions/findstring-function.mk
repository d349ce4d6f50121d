# case: findstring returns the string or nothing
$(info [$(findstring a,a b c)] [$(findstring d,a b c)])
$(info [$(findstring b c,a b c)] [$(findstring ,abc)])
$(info [$(findstring x,)])
all: ; @:
