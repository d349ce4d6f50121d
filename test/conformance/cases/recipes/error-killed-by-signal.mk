# case: a command killed by a signal
all:
	@kill -TERM $$$$
