# case: double-colon rules run in order in a parallel build
# parallel: -j4
all:: one
	@echo first all
all:: two
	@echo second all
one two:
	@echo $@
