# case: --eval text is passed on to sub-makes
# run: -s --eval 'FROM_EVAL = yes'
all:
	@$(MAKE) -C sub
--- sub/Makefile
all:
	@echo '[$(FROM_EVAL)]'
