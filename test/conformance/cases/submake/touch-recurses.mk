# case: -t runs $(MAKE) lines so sub-makes touch their targets
# run: -t
all:
	@$(MAKE) -C sub
--- sub/Makefile
out:
	@echo not run
