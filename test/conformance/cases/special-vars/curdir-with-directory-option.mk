# case: CURDIR follows -C
# run: -s -C sub
--- sub/Makefile
all:
	@echo '$(notdir $(CURDIR))'
