# case: strip removes leading and trailing blanks and collapses inner ones
E :=
X := $(E)   a   b	c   $(E)
$(info [$(strip $(X))])
$(info [$(strip )])
$(info [$(strip    )])
all: ; @:
