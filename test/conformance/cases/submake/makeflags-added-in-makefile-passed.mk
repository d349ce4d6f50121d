# case: MAKEFLAGS += -s in the top makefile reaches sub-makes
MAKEFLAGS += -s
all:
	$(MAKE) -C sub
--- sub/Makefile
all:
	echo quiet sub
