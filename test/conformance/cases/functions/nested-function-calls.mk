# case: functions nest inside each other's arguments
$(info [$(addprefix <,$(addsuffix >,$(sort $(patsubst %.c,%,b.c a.c))))])
$(info [$(words $(subst ., ,a.b.c))])
all: ; @:
