# case: a phony target without rule is simply done
# run: foo
.PHONY: foo
