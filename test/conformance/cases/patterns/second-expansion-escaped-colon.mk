# case: a backslash before a colon in second-expansion text goes before it is expanded
.PHONY: foo.bar
.SECONDEXPANSION:
foo: $$(@\:%=%.bar); @echo '$^'
