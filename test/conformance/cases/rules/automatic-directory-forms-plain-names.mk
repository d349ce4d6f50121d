# case: D forms of names without a directory give .
out: in
	@echo '[$(@D)] [$(@F)] [$(<D)] [$(^D)]'
in:
	@:
