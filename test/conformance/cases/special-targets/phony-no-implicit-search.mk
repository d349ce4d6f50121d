# case: no implicit rule is searched for a phony target
# run: -r foo
.PHONY: foo
%: %.src
	@echo 'from $<'
--- foo.src
