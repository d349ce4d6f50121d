# case: two else branches are an error
ifeq (a,b)
else
else
endif
all: ; @:
