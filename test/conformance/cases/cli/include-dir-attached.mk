# case: -I with the directory attached
# run: -Iinc
include found.mk
all:
	@echo '$(FOUND)'
--- inc/found.mk
FOUND = found
