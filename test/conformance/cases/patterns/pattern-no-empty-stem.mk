# case: a name without a directory never matches with an empty stem
# run: .x
%.x:
	@echo '[$*] [$@]'
