# case: -s is passed to sub-makes
# run: -s
all:
	@$(MAKE) -C sub
--- sub/Makefile
all:
	echo not echoed
