# case: else followed by a non-conditional word
ifeq (a,b)
else junk
$(info after else junk)
endif
all: ; @:
