# case: addsuffix and addprefix
$(info [$(addsuffix .c,foo bar)] [$(addprefix src/,foo bar)])
$(info [$(addsuffix .c,)] [$(addprefix x, )] [$(addsuffix ,a b)])
all: ; @:
