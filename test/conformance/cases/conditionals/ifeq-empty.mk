# case: comparing with the empty string
E =
ifeq ($(E),)
$(info empty)
endif
ifeq (,$(E))
$(info empty too)
endif
ifeq "" ""
$(info quoted empty)
endif
all: ; @:
