# case: a file in a directory can match with an empty stem
# run: d/.x
%.x:
	@echo '[$*] [$@]'
