# case: command-line variables in conditionals
# run: MODE=release
ifeq ($(MODE),release)
$(info release)
else
$(info default)
endif
all: ; @:
