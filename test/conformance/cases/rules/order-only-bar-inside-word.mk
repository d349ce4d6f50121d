# case: a | inside a word of a prerequisite list starts the order-only ones
foo: a|b c ; @echo '[$^] [$|]'
a b c: ; @:
