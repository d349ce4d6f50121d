# case: text after endif is warned about
ifeq (a,a)
$(info taken)
endif junk
all: ; @:
