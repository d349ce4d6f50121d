# case: $? lists all prerequisites when the target is missing
out: a b
	@echo '$?'
--- a
--- b
