# case: pattern-specific values with a pattern rule recipe
%.out: FLAGS = -v
%.out:
	@echo 'building $@ with $(FLAGS) stem $*'
all: one.out
