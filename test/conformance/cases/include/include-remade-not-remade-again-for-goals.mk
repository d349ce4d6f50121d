# case: a file remade while the makefiles are brought up to date is not remade again for the goals, as with git's GIT-VERSION-FILE
# sh: rm -f VF
# run:
# run:
# run: -n
# run: -q
all: v.o
v.o: VF
	@echo build v.o
VF: FORCE
	@echo gen VF >&2; test -f VF || echo X=1 > VF
FORCE:
-include VF
