# case: --include-dir= works like -I
# run: --include-dir=inc
include found.mk
all:
	@echo '$(FOUND)'
--- inc/found.mk
FOUND = in-inc
