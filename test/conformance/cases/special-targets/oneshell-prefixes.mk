# case: with .ONESHELL only the first line's prefixes count, others are removed
.ONESHELL:
all:
	@echo first
	@echo second
	-echo third
