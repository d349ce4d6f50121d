# case: -lname made by a rule is looked for again once made; found as libname.a, which has its own recipe, GNU says which recipe wins
# run:
# run:
foo: -lcat
	@echo "foo from $^"
-l%: lib%.a ; @echo "make $@"
libcat.a: ; @touch $@
