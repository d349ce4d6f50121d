# case: $(?D) and $(?F)
sub/out: sub/in other/in2
	@echo '[$(?D)] [$(?F)]'
--- sub/in
--- other/in2
