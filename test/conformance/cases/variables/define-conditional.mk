# case: define ?= only defines an undefined variable
A = kept
define A ?=
replaced
endef
define B ?=
new
endef
all:
	@echo '$(A) $(B)'
