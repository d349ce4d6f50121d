# case: ifeq with bad syntax
ifeq (a b
endif
