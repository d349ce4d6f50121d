# case: the prerequisites of the rule with the recipe come first, expanded or not
all: foo bar baz
baz: foo foo
.SECONDEXPANSION:
.DEFAULT: ; @echo '$@'
foo: foo.2
foo: $$@.1; @:
foo: foo.3
bar: bar.x bar.$$(words $$+)
bar: ; @echo 'bar [$+]'
bar: $$+
baz: $$+ ; @echo 'baz [$+]'
