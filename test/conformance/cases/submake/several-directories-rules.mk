# case: one rule per sub-directory
DIRS = a b
all: $(DIRS)
$(DIRS):
	@$(MAKE) -C $@
.PHONY: all $(DIRS)
--- a/Makefile
all:
	@echo in a
--- b/Makefile
all:
	@echo in b
