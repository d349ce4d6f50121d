# case: VPATH with colon and blank separated directories
VPATH = one:two three
all: a b c
	@echo '$^'
--- one/a
--- two/b
--- three/c
