# case: backslash-newline inside single quotes reaches the shell verbatim
all:
	@echo 'a\
	b'
