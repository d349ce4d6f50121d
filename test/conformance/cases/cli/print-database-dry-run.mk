# case: under -n, -p takes a remade target as newer than anything
# sh: $MAKE -p -r -R -n | sed -n '/^# Files/,/^# files hash/p' | grep -v Collisions
all: dep
	@echo $@
dep:
	@echo $@
