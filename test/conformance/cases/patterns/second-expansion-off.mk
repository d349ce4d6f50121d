# case: without .SECONDEXPANSION $$ is a literal dollar
all: $$x
	@echo 'all needs $^'
$$x:
	@echo 'made $@'
