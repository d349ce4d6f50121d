# case: an @ on a continuation line goes to the shell
all:
	@echo a \
	@echo b
