# case: sub-makes share the jobserver and their output stays in order
# parallel: -j4
# parallel: -j2
all: a b
	@echo top done
a b:
	@$(MAKE) -C sub$@ --no-print-directory
--- suba/Makefile
all: x y
x:
	@sleep 0.3; echo suba x
y:
	@echo suba y
--- subb/Makefile
all: x y
x y:
	@echo subb $@
