# case: a missing order-only prerequisite is made first
out: in | dir
	@echo 'making $@ [$^] [$|]'
	@touch $@
in:
	@touch in
dir:
	@echo making dir
	@mkdir dir
