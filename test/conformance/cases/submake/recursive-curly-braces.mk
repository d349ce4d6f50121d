# case: ${MAKE} works like $(MAKE)
all:
	@${MAKE} -C sub
--- sub/Makefile
all:
	@echo curly
