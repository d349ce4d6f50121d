# case: $$<, $$^, $$+, $$| and $$* see the prerequisites of the target's earlier rules
.SECONDEXPANSION:
.DEFAULT: ; @echo '$@'
foo: bar baz
foo: biz | buz
foo: $$@.1 $$<.2 $$(addsuffix .3,$$^) $$(addsuffix .4,$$+) $$|.5 $$*.6
