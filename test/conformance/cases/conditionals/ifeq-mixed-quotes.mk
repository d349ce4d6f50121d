# case: ifeq with one single- and one double-quoted argument
ifeq 'a' "a"
$(info mixed 1)
endif
ifeq "a" 'a'
$(info mixed 2)
endif
all: ; @:
