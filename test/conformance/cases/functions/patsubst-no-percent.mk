# case: patsubst without % replaces exact words
$(info [$(patsubst foo,bar,foo food foo)])
$(info [$(patsubst %.c,obj.o,a.c b.c)])
all: ; @:
