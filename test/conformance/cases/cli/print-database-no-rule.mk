# case: -p after a missing prerequisite stopped make
# sh: $MAKE -p -r -R 2>&1 >/dev/null; echo status $?
# sh: $MAKE -p -r -R 2>/dev/null | sed -n '/^# Files/,/^# files hash/p' | grep -v Collisions
all: up
	@echo $@
up: src
	@echo up
