# case: a double-colon grouped rule marks only its own rule of each target as made
# run: a b
# run: c
# run: d e c
.PHONY: a b c d e
a b c&:: ; @echo 'first group for $@'
c d e&:: ; @echo 'second group for $@'
