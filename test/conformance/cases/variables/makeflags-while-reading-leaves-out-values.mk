# case: while the makefiles are read MAKEFLAGS has no option that takes a value; recipes see them all
# run: -s -k -I inc -l 40 -Oline --debug=n --no-print-directory
# run: -s -j2 -I inc
$(info reading: [$(MAKEFLAGS)] [$(MFLAGS)])
all:
	@echo "recipe: [$(MAKEFLAGS)] [$$MAKEFLAGS] [$(MFLAGS)]"
