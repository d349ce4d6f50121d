# case: -p prints vpath directives and the VPATH search path
# sh: $MAKE -p -r -R -q | sed -n '/^# VPATH Search Paths/,/^# strcache/p' | grep -v strcache
vpath %.c src:lib
vpath %.h include
VPATH = one two/
all: ; @:
