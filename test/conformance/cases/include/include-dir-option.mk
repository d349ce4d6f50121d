# case: -I adds a directory to search for includes
# run: -I inc
include found.mk
all:
	@echo '$(FOUND)'
--- inc/found.mk
FOUND = in-inc
