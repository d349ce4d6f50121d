# case: every target's prerequisites are expanded a second time before anything is built
.SECONDEXPANSION:
all: ; @echo building $@
unused: $$(info expanding for $$@)
