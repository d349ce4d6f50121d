# case: -f is relative to the -C directory
# run: -C sub -f rules.mk --no-print-directory
--- sub/rules.mk
all:
	@echo sub rules
