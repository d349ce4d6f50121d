# case: -p writes define, :=, = and blank values the way GNU reads them back
# sh: $MAKE -p -r -R -q | grep -B1 -A3 '^define MULTI'
# sh: $MAKE -p -r -R -q | grep -B1 -e '^SIMPLE ' -e '^RECURSIVE ' -e '^BLANK ' -e '^FORCED ' -e '^APPENDED '
# sh: $MAKE -p -r -R -q 'CMD=a b' | grep -B1 '^CMD '
define MULTI
one $(X)
two
endef
SIMPLE := a$$b
RECURSIVE = a$$b $(SIMPLE)
BLANK = $(subst ,,  )
override FORCED = yes
APPENDED = one
APPENDED += two
all: ; @:
