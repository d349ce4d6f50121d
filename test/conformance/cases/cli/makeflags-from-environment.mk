# case: MAKEFLAGS in the environment sets options
# env: MAKEFLAGS=s
all:
	echo quiet
