# case: -p prints target-specific variables before their target
# sh: $MAKE -p -r -R -q | sed -n '/^# Files/,/^# files hash/p' | grep -v Collisions
t: V = 1
t: private P := p
t: override O = o
t: A += more
all: t ; @:
t: ; @:
