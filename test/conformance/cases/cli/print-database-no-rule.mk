# case: -p after a missing prerequisite stopped make
# sh: $MAKE -p -r -R > out 2> err; echo status $?; cat err
# sh: sed -n '/^# Files/,/^# files hash/p' out | grep -v Collisions
all: up
	@echo $@
up: src
	@echo up
