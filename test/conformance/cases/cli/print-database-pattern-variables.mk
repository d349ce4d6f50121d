# case: -p prints pattern-specific variables, all as simple ones
# sh: $MAKE -p -r -R -q | sed -n '/^# Pattern-specific/,/^# Directories/p'
%.o: A = $(X)
%.o: B := b$$c
%.o %.a: C += c
all: ; @:
