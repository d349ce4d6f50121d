# case: eval parses text as makefile syntax
# run: all
define rule
$(1):
	@echo building $(1) with $$(FLAGS)
endef
FLAGS = -x
$(foreach t,a b,$(eval $(call rule,$(t))))
$(eval all: a b)
$(info [$(eval X = 1)] X=$(X))
