# case: prerequisites of several rules for one target are merged
all: a
all: b
	@echo 'all: $^'
all: c
a b c:
	@echo $@
