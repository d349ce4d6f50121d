# case: .DEFAULT_GOAL is empty before the first rule and then names it
$(info [$(.DEFAULT_GOAL)])
first:
	@echo first
second:
	@echo second
$(info [$(.DEFAULT_GOAL)])
