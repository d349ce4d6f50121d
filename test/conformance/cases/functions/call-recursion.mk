# case: recursive call to reverse a list
reverse = $(if $(1),$(call reverse,$(wordlist 2,$(words $(1)),$(1))) $(firstword $(1)))
$(info [$(strip $(call reverse,a b c d))])
all: ; @:
