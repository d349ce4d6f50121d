# case: makefile is preferred over Makefile
all:
	@echo Makefile
--- makefile
all:
	@echo makefile
