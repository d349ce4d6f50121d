# case: ifneq with each quoting form
ifneq (a,b)
$(info 1)
endif
ifneq "a" "b"
$(info 2)
endif
ifneq 'a' 'a'
$(info 3)
endif
all: ; @:
