# case: $$ is a literal dollar sign
X = $$HOME-literal
all:
	@echo '$(X)' '$$$$'
