# case: a file in the current directory beats -I directories
# run: -I inc
include found.mk
all:
	@echo '$(FOUND)'
--- found.mk
FOUND = local
--- inc/found.mk
FOUND = in-inc
