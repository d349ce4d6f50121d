# case: an include whose rule creates it and then fails stops the run; with -k it is named, and read again since it changed
# run:
# sh: rm -f inc.mk
# run: -k
include inc.mk
all:
	@echo building all
inc.mk:
	@echo remake inc; touch inc.mk; exit 3
