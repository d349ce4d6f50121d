# case: a variable given again on a sub-make's command line is passed on once, with its new value
# run: a=ZZ
recur: all ; @$(MAKE) --no-print-directory -f Makefile a=AA all
all: ; @echo "MAKEOVERRIDES = $(MAKEOVERRIDES) MAKEFLAGS = $(MAKEFLAGS)"
