# case: else ifndef
ifdef NOPE
$(info wrong)
else ifndef NOPE
$(info else ifndef)
endif
all: ; @:
