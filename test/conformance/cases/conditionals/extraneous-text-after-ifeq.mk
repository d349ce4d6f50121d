# case: text after an ifeq condition is warned about
ifeq (a,a) junk
$(info taken)
endif
all: ; @:
