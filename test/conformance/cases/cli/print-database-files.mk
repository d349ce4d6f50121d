# case: -p lists files in GNU's order, with their flags, state and recipe
# sh: touch -d '2001-01-01 00:00' src
# sh: $MAKE -p -r -R -q | sed -n '/^# Files/,/^# files hash/p' | grep -v Collisions
.PHONY: all
all: up missing | order
	@echo $@
up: src
	@echo up
order:
