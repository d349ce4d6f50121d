# case: -I directories are passed to sub-makes
# run: -s -I inc
all:
	@$(MAKE) -f sub.mk
--- sub.mk
include extra.mk
all:
	@echo 'sub found [$(EXTRA)]'
--- inc/extra.mk
EXTRA = found
