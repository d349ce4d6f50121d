# case: an error message names the pattern rule target
all: a.out
%.out:
	@exit 1
