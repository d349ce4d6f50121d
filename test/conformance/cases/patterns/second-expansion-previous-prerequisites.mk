# case: $$^ and $$+ in second expansion refer to earlier prerequisites
.SECONDEXPANSION:
all: a
all: b $$^
	@echo '$^'
a b:
	@:
