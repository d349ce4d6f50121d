# case: a tab line before any rule is an error
	@echo hi
all:
	@echo all
