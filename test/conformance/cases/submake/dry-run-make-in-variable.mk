# case: under -n a $(MAKE) hidden in another variable is not recursive
# run: -n
SUBMAKE = $(MAKE) -C sub
all:
	$(SUBMAKE)
--- sub/Makefile
all:
	@echo sub ran
