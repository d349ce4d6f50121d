# case: backslash-newline inside double quotes is removed by the shell
all:
	@echo "a\
	b"
