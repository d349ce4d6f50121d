# case: the rule giving the shortest stem is chosen
all: lib-a.o x.o ; @:
%.o:
	@echo 'generic $@ [$*]'
lib-%.o:
	@echo 'lib rule $@ [$*]'
