# case: each double-colon rule has its own $^
all:: a b
	@echo 'first: $^'
all:: c
	@echo 'second: $^'
a b c:
	@:
