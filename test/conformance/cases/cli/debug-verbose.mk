# case: --debug=v also says what was considered and why nothing was done
# sh: touch -d '2001-01-01 00:00' src
# sh: touch -d '2002-01-01 00:00' up
# sh: echo 'INCLUDED = 1' > inc.mk
# sh: $MAKE --debug=v all up | sed -n '/^Reading makefiles/,$p'
# sh: $MAKE --debug=v -q | sed -n '/^Reading makefiles/,$p'
# sh: $MAKE --debug=v dc | sed -n '/^Reading makefiles/,$p'
include inc.mk
-include optional.mk
all: top | oo
top: leaf up
	@echo top
leaf: ; @echo leaf
up: src
	@echo up
oo:
dc:: ; @echo one
dc:: ; @echo two
