# case: blank lines and indentation inside define are kept
define A
  indented

	tabbed
endef
$(info <$(A)>)
all: ; @:
