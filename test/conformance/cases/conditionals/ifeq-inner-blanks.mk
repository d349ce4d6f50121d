# case: blanks inside an argument are kept
ifeq (a  b,a b)
$(info wrong)
else
$(info inner blanks differ)
endif
all: ; @:
