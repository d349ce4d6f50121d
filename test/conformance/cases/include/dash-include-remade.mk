# case: -include files are remade too
-include dep.mk
all:
	@echo 'DEP=$(DEP)'
dep.mk:
	@echo 'DEP = made' > $@
