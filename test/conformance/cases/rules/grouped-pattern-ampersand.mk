# case: &: right after a pattern target makes one rule for both patterns
.PHONY: all
all: a.q b.q
a.% b.%&: ; @echo 'recipe for $@'
