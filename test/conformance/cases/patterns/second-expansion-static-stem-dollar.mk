# case: a stem with a $ in it is not expanded again, in static and implicit rules
# run: 'foo$bar' 'fuz$baz'
.SECONDEXPANSION:
foo$$bar: f%r: % $$*.1 ; @echo 'stem $*'
fuz$$baz:
f%z: % $$*.2 ; @echo 'stem $*'
oo$$ba oo$$ba.1 uz$$ba uz$$ba.2: ; @echo '$@'
