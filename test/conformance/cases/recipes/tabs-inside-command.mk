# case: tabs inside a command are passed to the shell
all:
	@printf 'a\tb\n' | od -c | sed -n 1p | tr -s ' '
