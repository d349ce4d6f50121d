# case: $+ keeps repeated prerequisites and $^ does not
all: a b a c b
	@echo '$$^ = $^'
	@echo '$$+ = $+'
a b c:
	@:
