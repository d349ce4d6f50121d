# case: a sub-make with an explicit goal
all:
	@$(MAKE) -C sub second
--- sub/Makefile
first:
	@echo first
second:
	@echo second
