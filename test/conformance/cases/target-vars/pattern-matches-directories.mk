# case: a pattern-specific value matches targets in directories
%.o: X = object
dir/%.o: Y = in-dir
all: dir/a.o
dir/a.o:
	@echo '$@ [$(X)] [$(Y)]'
