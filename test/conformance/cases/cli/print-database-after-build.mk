# case: -p after a build shows what was remade and the automatic variables
# sh: touch -d '2001-01-01 00:00' old
# sh: $MAKE -p -r -R | sed -n '/^# Files/,/^# files hash/p' | grep -v Collisions
all: old new-thing
	@echo all $?
old:
	@echo never
new-thing: ; @echo made $@
