# case: only the first true branch of a chain is used
ifdef PATH
$(info first)
else ifdef PATH
$(info second)
else
$(info third)
endif
all: ; @:
