# case: else ifeq / else ifdef chains
X = 3
ifeq ($(X),1)
$(info one)
else ifeq ($(X),2)
$(info two)
else ifneq ($(X),3)
$(info not three)
else ifdef X
$(info defined)
else
$(info last)
endif
all: ; @:
