# case: under -n and -q a prerequisite whose recipe expands to nothing counts as remade
# sh: touch a; sleep 0.02; touch b
# run: -n
# sh: $MAKE -q; echo "status $?"
b: a c
	echo build b because $?
a: FORCE
	$(if $(REBUILD_A),touch a)
c: FORCE ;
FORCE:
