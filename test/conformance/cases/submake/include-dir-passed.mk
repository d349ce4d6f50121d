# case: -I directories are passed to sub-makes
# run: -s -I inc
all:
	@$(MAKE) -C .
	@echo top done
--- inc/extra.mk
EXTRA = found
