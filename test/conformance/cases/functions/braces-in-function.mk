# case: functions written with braces and mixed parens
$(info [${subst a,b,aaa}] [${if x,(y)}] [$(subst a,b,{a})] [${firstword (a) b}])
all: ; @:
