# case: the built-in %.out rule copies a file
all: x.out
	@cat x.out
--- x
hello
