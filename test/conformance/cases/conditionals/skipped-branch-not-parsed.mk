# case: a skipped branch may hold otherwise invalid lines
ifeq (a,b)
this is not valid make syntax
$(error not expanded)
endif
all:
	@echo ok
